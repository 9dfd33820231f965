/**
 * Splits a list into consecutive chunks that each fit a platform limit, never splitting an item:
 * how a digest becomes several messages "between entries, never inside one". Shared by the
 * renderers, each with its own measure (characters of an HTML message, embeds and characters of
 * a Discord message, …).
 */

/**
 * Greedy packing in order: each chunk takes as many of the following items as still fit.
 * `measure(chunk)` is the size of a whole chunk as it would be sent (headers and separators
 * included), so it need not be a plain sum. An item that does not fit even alone becomes a chunk
 * of its own: the caller shortens it (and must, to stay under the limit).
 */
export function packEntries<T>(items: readonly T[], measure: (chunk: readonly T[]) => number, limit: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    if (current.length > 0 && measure([...current, item]) > limit) {
      chunks.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
