/**
 * "The trust gave the county a month and then urged it to '…'": a sentence whose subject is an organisation named
 * by its noun, reported speaking by a verb joined to it. Read as a definite description, so that it stands only for
 * an organisation the article named with that noun ("the Harbour Users' Trust"), never for whichever body spoke
 * last.
 */
import type { DefinitePhrase } from './definite-descriptions.js';
import { ORGANISATION_ROLES, SPOKESPERSON_ROLES } from './names.js';
import { isLowerCaseWord, type Token } from './tokens.js';

/** "The trust …", "The council …" opening the sentence, followed by a lower-case word (its verb or an adverb). */
export function organisationSubject(sentence: Token[]): DefinitePhrase | null {
  const start = sentence.findIndex((token) => token.word);
  const [article, noun, next] = sentence.slice(start, start + 3);
  const isOrganisationNoun =
    isLowerCaseWord(noun) && ORGANISATION_ROLES.has(noun?.text ?? '') && !SPOKESPERSON_ROLES.has(noun?.text ?? '');
  if (article?.text !== 'The' || !isOrganisationNoun || !isLowerCaseWord(next)) return null;
  return { type: 'definite', words: [article.text, noun?.text ?? ''] };
}
