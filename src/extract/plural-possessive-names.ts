/**
 * Organisations whose name opens on a plural possessive: "the Citizens’ Transport Trust", "the Workers' Party". The
 * tokenizer splits the apostrophe off ("Citizens", "’"), so the name run starts after it; this gives the name back
 * its first word.
 */
import type { NamedEntity } from './names.js';
import { isCapitalised, type Token } from './tokens.js';

const APOSTROPHES = new Set(["'", '’']);

/**
 * The organisation read from the run at `start` with the plural possessive before it ("Citizens’") put back in
 * front, or null when no such word stands right before the run.
 */
export function withPluralPossessive(tokens: Token[], start: number, entity: NamedEntity): NamedEntity | null {
  const apostrophe = tokens[start - 1];
  const owner = tokens[start - 2];
  if (entity.kind !== 'organisation' || !APOSTROPHES.has(apostrophe?.text ?? '') || !isCapitalised(owner)) return null;
  // Right after the word, with no space: "Citizens’", not a closing quotation mark after "Citizens".
  const glued = owner !== undefined && apostrophe !== undefined && owner.start + owner.text.length === apostrophe.start;
  // One word, not the end of a person's name ("Ana Ruiz’ …"): a sentence's "The" may stand before it.
  const before = tokens[start - 3];
  if (!glued || !/\p{Ll}s$/u.test(owner?.text ?? '') || (isCapitalised(before) && before?.text !== 'The')) return null;
  return { ...entity, name: `${owner?.text ?? ''}${apostrophe?.text ?? ''} ${entity.name}` };
}

/**
 * "Independent Transportation Trust", read back from a verb without its possessive opening: the known organisation
 * that is the same name with "Citizens’" before it, if exactly one.
 */
export function fullerPossessiveName(name: string, organisations: Iterable<string>): string | null {
  if (!name.includes(' ')) return null;
  const fuller = [...organisations].filter((known) => /^\p{Lu}\p{L}*s['’] /u.test(known) && known.endsWith(` ${name}`));
  return fuller.length === 1 ? (fuller[0] ?? null) : null;
}
