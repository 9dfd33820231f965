/**
 * Described speakers that stand before their verb or after "according to" in the other languages: "El lunes un
 * alto funcionario de la cancillería aclaró que …", "Conforme a prima da jovem, …". They become mentions, so a
 * later "el diplomático", "a moça" can stand for them (foreign-descriptions.ts).
 */
import { isReportingVerb, type SpeakerPhrase } from './attribution.js';
import { ACCORDING_WORDS, FOREIGN_INDEFINITE } from './lexicon.js';
import type { Mention } from './speaker-mentions.js';
import { isLowerCaseWord, type Token } from './tokens.js';

/** A described speaker runs to at most this many words. */
const MAX_WORDS = 8;
/** "According to" in one word: "conforme" too, which attribution-windows.ts does not read (it also means "as"). */
const SOURCE_WORDS = new Set([...ACCORDING_WORDS, 'conforme']);
/** Articles that open the source after "conforme", "según" ("Según la portavoz del grupo, …"). */
const SOURCE_ARTICLES = new Set(`un une una uno um uma le la el o a`.split(' '));

/** Words that tie a described person to another: "la hermana del detenido", "a prima da jovem". */
const RELATIONS = new Set(`de del da do das dos du des`.split(' '));

/** Lower-case words only, from `from` to `to` (exclusive): a description names nobody. */
const plainWords = (tokens: Token[], from: number, to: number): boolean =>
  to - from >= 2 && tokens.slice(from, to).every((token) => isLowerCaseWord(token) && !isReportingVerb(token));

const describedAt = (tokens: Token[], from: number, to: number): Mention => {
  const phrase: SpeakerPhrase = { type: 'description', words: tokens.slice(from, to).map((token) => token.text) };
  return { at: tokens[from]?.start ?? 0, phrase, subjectOnly: false };
};

/** The described speakers of a paragraph's tokens, in the other languages' shapes above. */
export function describedSourcesIn(tokens: Token[]): Mention[] {
  const mentions: Mention[] = [];
  tokens.forEach((token, v) => {
    // "un alto funcionario de la cancillería chilena aclaró": back from the verb to the indefinite article.
    if (isReportingVerb(token)) {
      for (let d = v - 2; d >= Math.max(0, v - MAX_WORDS); d--)
        if (FOREIGN_INDEFINITE.has(tokens[d]?.text ?? '')) {
          if (plainWords(tokens, d, v)) mentions.push(describedAt(tokens, d, v));
          break;
        }
    }
    // "Conforme a prima da jovem, …": the source up to its comma.
    if (token.word && SOURCE_WORDS.has(token.text.toLowerCase()) && SOURCE_ARTICLES.has(tokens[v + 1]?.text ?? '')) {
      const comma = tokens.findIndex((next, k) => k > v && k <= v + MAX_WORDS + 1 && next.text === ',');
      // A definite source is someone new only with a relation ("a prima da jovem"); "según el periodista" is
      // someone heard before, for the definite passes.
      const related = tokens.slice(v + 2, comma).some((word) => RELATIONS.has(word.text));
      const indefinite = FOREIGN_INDEFINITE.has(tokens[v + 1]?.text ?? '');
      if (comma > 0 && (indefinite || related) && plainWords(tokens, v + 1, comma))
        mentions.push(describedAt(tokens, v + 1, comma));
    }
  });
  return mentions;
}
