/** A linear tokenizer for the short attribution windows around quotations. */
import { isLetterOrDigitAt } from './text-utils.js';

export interface Token {
  text: string;
  /** True for words (letters, digits, inner apostrophes, hyphens and dots); false for punctuation. */
  word: boolean;
  /** Offset of the token in the text it was read from. */
  start: number;
}

/** "W", "O.J", "P.J": initials, whose final stop belongs to the name ("George W. Bush"). */
const INITIALS = /^(\p{Lu}\.)*\p{Lu}$/u;
const TITLE_ABBREVIATIONS = new Set(
  `Mr Mrs Ms Dr Prof Gen Sen Rep Gov Lt Col Sgt Capt Supt Det Insp Rev Cllr Sr Jr St Mt Gov Atty Adm Cmdr Maj`.split(
    ' ',
  ),
);
const JOINERS = new Set(["'", '’', '-', '.', '‑']);

/** Splits text into words and single punctuation characters; spaces are dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (isLetterOrDigitAt(text, i)) {
      let end = i + 1;
      while (end < text.length) {
        if (isLetterOrDigitAt(text, end)) end++;
        else if (JOINERS.has(text[end] ?? '') && isLetterOrDigitAt(text, end + 1)) end += 2;
        else break;
      }
      // A title keeps its stop ("Mr. Groote said"): the stop ends no sentence and no name.
      if (text[end] === '.' && TITLE_ABBREVIATIONS.has(text.slice(i, end))) end++;
      // An initial keeps its stop ("W." in "George W. Bush") so the name run does not end there.
      // (The cheap character tests come first: this runs for every word.)
      if (
        text[end] === '.' &&
        text[end + 1] === ' ' &&
        INITIALS.test(text.slice(i, end)) &&
        /\p{Lu}/u.test(text[end + 2] ?? '')
      )
        end++;
      tokens.push({ text: text.slice(i, end), word: true, start: i });
      i = end;
    } else {
      const ch = text[i] ?? '';
      if (ch.trim() !== '') tokens.push({ text: ch, word: false, start: i });
      i++;
    }
  }
  return tokens;
}

/** "al-Shahristani", "el-Sisi", "ad-Din": an Arabic article joined to a capitalised name is a name word. */
const JOINED_ARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an|ul|ud)-\p{Lu}/u;
const isJoinedArticleName = (text: string): boolean =>
  text.charCodeAt(2) === 45 || text.charCodeAt(3) === 45 ? JOINED_ARTICLE.test(text) : false;

/** Whether a token is a word starting with a capital letter (or a name opened by a joined "al-"). */
export function isCapitalised(token: Token | undefined): boolean {
  if (token === undefined || !token.word) return false;
  const code = token.text.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && isJoinedArticleName(token.text));
  return /^\p{Lu}/u.test(token.text);
}

/** Whether a token is a word starting with a lower-case letter. */
export function isLowerCaseWord(token: Token | undefined): boolean {
  if (token === undefined || !token.word) return false;
  const code = token.text.charCodeAt(0);
  if (code < 128) return code >= 97 && code <= 122 && !isJoinedArticleName(token.text);
  return /^\p{Ll}/u.test(token.text);
}
