/**
 * The roles an article gives people as it brings them in: "Die Ministerin Anna Keller", "la toxicologue Dominique
 * Parent-Massin", "Claire Morel, ministre de la Santé, …". A later "sagte die Ministerin", "a déclaré la ministre"
 * stands for the one person brought in with that noun; when two were, for nobody.
 */
import { isFirstName } from './first-names.js';

/**
 * Whether two role words are one noun inflected: all but their last two letters in common ("Minister" and
 * "Ministerin", "ministro" and "ministra"), not merely a root ("französischer" and "Franzose").
 */
function sameRole(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && a[common] === b[common]) common++;
  return common >= Math.max(a.length, b.length) - 2;
}
/** Words that end the role read back from a name: articles, prepositions, verbs' subjects. */
const BEFORE_ROLE = new Set(
  `der die das den dem des ein eine einer einen le la les l un une el los las o a os as um uma y e et und de du da do
  von vom del`.split(/\s+/),
);
/** Words too short to tell a role by. */
const MIN_LETTERS = 5;
const WORD = /^\p{L}[\p{L}-]*$/u;
/** ", ministre de la Santé", " (PSD-MG), senador": the first two words of an apposition after the name. */
const APPOSITION = /^\s*(?:\([^)]{0,40}\)\s*)?,\s*(\p{L}[\p{L}-]*)(?:\s+(\p{L}[\p{L}-]*))?/u;

export interface RoleBook {
  /** Reads the roles given to the people first named in full in this paragraph. */
  noteParagraph(text: string, newNames: Iterable<string>): void;
  /** The one person brought in with a noun of this description ("die Ministerin"), else null. */
  personFor(description: string[]): string | null;
}

export function createRoleBook(): RoleBook {
  const people = new Map<string, Set<string>>();
  const note = (word: string, name: string): void => {
    if (word.length < MIN_LETTERS || !WORD.test(word) || isFirstName(word)) return;
    const key = word.toLowerCase();
    people.set(key, (people.get(key) ?? new Set()).add(name));
  };
  return {
    noteParagraph(text, newNames) {
      for (const name of newNames) {
        const at = text.indexOf(name);
        if (at < 0) continue;
        // "die Ministerin Anna Keller": up to three words back to the article.
        const before = text
          .slice(Math.max(0, at - 80), at)
          .trimEnd()
          .split(/\s+/u);
        for (let k = before.length - 1; k >= Math.max(0, before.length - 3); k--) {
          const word = before[k] ?? '';
          if (BEFORE_ROLE.has(word.toLowerCase()) || !WORD.test(word)) break;
          note(word, name);
        }
        // "Claire Morel, ministre de la Santé,": the first word of the apposition.
        const after = APPOSITION.exec(text.slice(at + name.length, at + name.length + 80));
        const role = BEFORE_ROLE.has(after?.[1]?.toLowerCase() ?? '') ? after?.[2] : after?.[1];
        if (role && !/^\p{Lu}/u.test(role)) note(role, name);
      }
    },
    personFor(description) {
      const found = new Set<string>();
      for (const word of description.slice(1))
        for (const [role, names] of people)
          if (sameRole(word.toLowerCase(), role)) for (const name of names) found.add(name);
      return found.size === 1 ? ([...found][0] ?? null) : null;
    },
  };
}
