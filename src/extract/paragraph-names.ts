/**
 * Who one paragraph names before a point of it (speakers.ts asks at each quotation, and at the paragraph's end):
 * the known people it names in full or by surname, the people it brings in in full, its last proper noun. Read
 * from the paragraph with its quotations masked, so words inside quotation marks name nobody.
 */
import type { NameBook } from './name-book.js';
import { isNeverAName, type NamedEntity } from './names.js';
import { MENTION_CHARS } from './speaker-mentions.js';
import type { ParagraphSoFar } from './speaker-resolution.js';
import { isCapitalised, tokenize } from './tokens.js';

/** Words after which a name is talked about rather than talking. */
const OBJECT_LINKS = new Set(
  `the about of with to for against by from on at over than between von mit zu für gegen über zwischen à avec pour
  contre sur de entre con para sobre com contra por pelo pela ao aos à do da dos das del al`.split(/\s+/),
);

/**
 * `text` is the paragraph, `masked` the same with its quotations masked, `peopleNamed` the full names the
 * paragraph brought into the book.
 */
export function paragraphNames(text: string, masked: string, peopleNamed: ReadonlySet<string>, book: NameBook) {
  /** The capitalised words of this paragraph before `offset`, last first, that could name someone. */
  function* candidatesBefore(offset: number, asObjectToo: boolean): Generator<string> {
    const words = tokenize(masked.slice(0, Math.min(offset, MENTION_CHARS)));
    for (let k = words.length - 1; k >= 0; k--) {
      const word = words[k];
      if (!isCapitalised(word) || !word || isNeverAName(word.text)) continue;
      // "Whelan's dismissal", "about Whelan": a person talked about, not one who might be talking.
      if (/['’]s?$/u.test(word.text) || (!asObjectToo && OBJECT_LINKS.has(words[k - 1]?.text ?? ''))) continue;
      yield word.text;
    }
  }
  const names = {
    /** The last known person other than `except` this paragraph names (in full or by surname) before `offset`. */
    lastKnownBefore(offset: number, except: string, asObjectToo = false): NamedEntity | null {
      for (const word of candidatesBefore(offset, asObjectToo)) {
        const known = book.personBySurname(word);
        if (known && known.name !== except && known.name.split(' ').at(-1) === word) return known;
      }
      return null;
    },
    /** The last capitalised word inside a sentence of this paragraph before `offset` (a name, a company). */
    lastProperNounBefore(offset: number): string | null {
      for (const word of candidatesBefore(offset, true)) if (book.isProperNoun(word)) return word;
      return null;
    },
    /** The people this paragraph named in full before `offset`, with the gender their given name carries. */
    namedBefore(offset: number): NamedEntity[] {
      return [...peopleNamed]
        .filter((name) => {
          const at = text.indexOf(name);
          return at >= 0 && at < offset;
        })
        .map((name) => book.resolve({ name, kind: 'person', gender: null }));
    },
    /** What resolvePhrase asks of the paragraph up to `offset` (a quotation's start, or the paragraph's end). */
    soFar(offset: number): ParagraphSoFar {
      return {
        named: () => names.namedBefore(offset),
        lastKnownOtherThan: (name) => names.lastKnownBefore(offset, name),
        lastProperNoun: () => names.lastProperNounBefore(offset),
      };
    },
    /** The known people this paragraph names outside its quotations, in full or by surname, once each. */
    knownPeopleNamed(): NamedEntity[] {
      const people = new Map<string, NamedEntity>();
      for (const word of candidatesBefore(MENTION_CHARS, true)) {
        const known = book.personBySurname(word);
        // Only someone heard before, or the subject of a sentence ("New York" is two capitalised words too).
        if (known && book.wasHeard(known.name) && known.name.split(' ').at(-1) === word) people.set(known.name, known);
      }
      return [...people.values()];
    },
  };
  return names;
}
