/**
 * Spanish and Portuguese credit words to a place or a circle with a plural verb and no subject: "«…», señalaron a
 * este medio desde la oposición", "«…», se quejan en Palacio Municipal", "«…», afirmam no Planalto".
 * The speaker is that place or circle, as written.
 */
import type { Attribution } from './attribution-windows.js';
import type { SpeakerPhrase } from './attribution.js';
import { isCapitalised, isLowerCaseWord, tokenize, type Token } from './tokens.js';

/** Third person plural endings: "explicaron", "dicen", "se desligan", "afirmam", "disseram". */
const PLURAL_VERB = /^\p{Ll}{3,}(?:aron|ieron|an|en|aram|eram|iram|am|em)$/u;
/** Words that may stand between the verb and the place: clitics, "a este medio", "a la radio". */
const CLITICS = new Set(`se nos lo la le les me`.split(' '));
/** Prepositions of the place: "desde la oposición", "en Palacio Municipal", "no Planalto", "do Itamaraty". */
const PLACE_WORDS = new Set(`desde en no na nos nas do da dos das`.split(' '));
const ARTICLES = new Set(`el la los las o a os as`.split(' '));
const NAME_LINKS = new Set(`de del da do dos das`.split(' '));
/** Tokens after the verb searched for the preposition ("a este medio desde …"). */
const REACH = 5;
const MAX_WORDS = 4;

/** The place or circle as written, from `start`: "la oposición", "Palacio Municipal". */
function placeAt(tokens: Token[], start: number, portugueseContraction: boolean): string[] | null {
  let k = start;
  const words: string[] = [];
  if (!portugueseContraction && ARTICLES.has(tokens[k]?.text ?? '')) words.push(tokens[k++]?.text ?? '');
  if (isCapitalised(tokens[k])) {
    // "Palacio Municipal", "Palacio de Justicia": capitalised words joined by "de".
    while (
      isCapitalised(tokens[k]) ||
      (NAME_LINKS.has(tokens[k]?.text ?? '') && isCapitalised(tokens[k + 1]) && words.length > 0)
    )
      words.push(tokens[k++]?.text ?? '');
    return words;
  }
  // "el círculo presidencial caída la noche": lower-case words, up to one followed by an article.
  if (words.length === 0) return null;
  while (isLowerCaseWord(tokens[k]) && words.length <= MAX_WORDS && !ARTICLES.has(tokens[k + 1]?.text ?? '')) {
    if (PLACE_WORDS.has(tokens[k]?.text ?? '') || NAME_LINKS.has(tokens[k]?.text ?? '')) break;
    words.push(tokens[k++]?.text ?? '');
  }
  return words.length >= 2 ? words : null;
}

/** The place credited in the window after a quotation, or null. */
export function placeSourceAfter(window: string): SpeakerPhrase | null {
  const tokens = tokenize(window);
  let k = 0;
  while (k < tokens.length && !tokens[k]?.word) k++;
  if (CLITICS.has(tokens[k]?.text ?? '')) k++;
  if (!PLURAL_VERB.test(tokens[k]?.text ?? '')) return null;
  for (let p = k + 1; p <= k + REACH && tokens[p]?.word; p++) {
    const word = tokens[p]?.text ?? '';
    if (!PLACE_WORDS.has(word)) continue;
    const words = placeAt(tokens, p + 1, word !== 'desde' && word !== 'en');
    return words && words.length > 0 ? { type: 'description', words } : null;
  }
  return null;
}

/** The place after the quotation for an attribution that read no subject (none, unnamed, or dropped); else as is. */
export function withPlaceSource(attribution: Attribution, window: string): Attribution {
  const noSubject =
    attribution === null ||
    (attribution !== 'inherit' &&
      (attribution.type === 'unnamed' || (attribution.type === 'pronoun' && attribution.pronoun === '')));
  return noSubject ? (placeSourceAfter(window) ?? attribution) : attribution;
}
