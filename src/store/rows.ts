/** Small helpers for mapping SQLite rows, shared by the stores. */

export const bool = (value: unknown): boolean => value === 1 || value === true;

export function jsonArray(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const parsed: unknown = JSON.parse(value);
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

export const nowIso = (): string => new Date().toISOString();
