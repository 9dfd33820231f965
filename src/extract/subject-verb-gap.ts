/**
 * The words that may stand between a subject and its reporting verb without changing who speaks: "has also
 * said", "on Wednesday insisted", "in a statement said".
 */
import { AUXILIARIES } from './lexicon.js';
import { isCalendarWord } from './names.js';
import type { Token } from './tokens.js';

/** Words between a subject and its verb that do not change who speaks ("has also said", "a déclaré"). */
const BETWEEN_SUBJECT_AND_VERB = new Set([
  ...`has have had hasn't hasn’t also later previously then once again recently reportedly would will could did
  does just earlier further repeatedly publicly privately simply only often since subsequently yesterday today
  separately angrily quietly firmly bluntly candidly frankly flatly himself herself themselves itself now
  originally first last is was not never formally week month year night`.split(/\s+/),
  ...AUXILIARIES,
]);
/** Determiners of "in a statement", "in his speech". */
const SETTING_DETERMINERS = new Set(`a an the its their his her`.split(/\s+/));
/** Words in -ly that are no adverbs. */
const NOT_ADVERBS = new Set(['family', 'italy', 'assembly', 'supply', 'ally', 'rally', 'belly', 'reply', 'only']);
const TIME_LINKS = new Set(['on', 'last', 'this', 'next']);
const SETTINGS = new Set(['statement', 'interview', 'speech', 'post', 'letter', 'tweet', 'email']);

/**
 * Walks back from `k` over words that stand between a subject and its verb without changing who speaks:
 * "has also", "on Wednesday", "in a statement" ("Lerner on Wednesday insisted", "Ruiz in a statement said").
 */
export function skipAdverbials(tokens: Token[], from: number): number {
  let k = from;
  for (;;) {
    const text = tokens[k]?.text ?? '';
    if (tokens[k]?.word && BETWEEN_SUBJECT_AND_VERB.has(text)) k--;
    // "then unanimously urged", "had publicly claimed": any adverb in -ly.
    else if (text.length > 4 && text.endsWith('ly') && /^\p{Ll}/u.test(text) && !NOT_ADVERBS.has(text)) k--;
    else if (isCalendarWord(text) && TIME_LINKS.has(tokens[k - 1]?.text ?? '')) k -= 2;
    else if (SETTINGS.has(text) && SETTING_DETERMINERS.has(tokens[k - 1]?.text ?? '') && tokens[k - 2]?.text === 'in')
      k -= 3;
    else return k;
  }
}
