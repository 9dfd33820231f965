/**
 * Telling a page's furniture from its story, one block at a time: prompts, appeals, credits, captions,
 * related links, bylines, datelines and tag footers. The same filter serves plain text and Readability's
 * output, because scraped text keeps the furniture that Readability sometimes lets through.
 */
import { parsePublishedDate } from './dates.js';
import { capitalisedShare, countWords } from './text-utils.js';

/** What a block turned out to be. Only `body` blocks become paragraphs. */
export type BlockRole =
  | { kind: 'body' }
  | { kind: 'boilerplate' }
  | { kind: 'caption' }
  | { kind: 'topics'; topics: string[] }
  | { kind: 'byline'; byline: string; publishedAt: string | null }
  | { kind: 'dateline'; publishedAt: string };

/** Blocks longer than this are always body: furniture is short, and long blocks must not meet the patterns. */
const MAX_FURNITURE_CHARS = 600;

/** Phrases that only appear in furniture, matched anywhere in a short block (lower-cased). */
const FURNITURE_PHRASES = [
  'enable notifications',
  'allow notifications',
  'turn on notifications',
  'push notifications',
  'never miss',
  'send you notifications',
  'like to send you',
  'skip to main content',
  'skip to content',
  'jump to navigation',
  'send you some reminders',
  "click 'ok'",
  'click "ok"',
  'click here',
  'tap here',
  'donate now',
  'please donate',
  'would like to donate',
  'you can donate',
  'make a donation',
  'support our journalism',
  'support our work',
  'support independent journalism',
  'become a member',
  'sign up to our',
  'sign up for our',
  'subscribe to our',
  'subscribe now',
  'already a subscriber',
  'create a free account',
  'log in to',
  'sign in to',
  'accept cookies',
  'use cookies',
  'cookie policy',
  'all rights reserved',
  'copy link',
  'share this article',
  'share this story',
  'follow us on',
  'skip advertisement',
  'story continues below',
  'scroll to continue',
  'continue reading',
  'join the conversation',
  'leave a comment',
  'comments are closed',
  'view comments',
  'download our app',
  'get the app',
  'this article was originally published',
  'this story was originally published',
  'originally appeared on',
  'we may earn a commission',
  'affiliate links',
  'contact the author',
  'have a story tip',
  'got a news tip',
  'read our privacy',
  'terms of use',
  'this story has been updated',
  'this article has been updated',
  'appeared first on',
];

/** Any of the phrases, as one regular expression: one search of the block instead of one per phrase. */
const FURNITURE_PHRASE = new RegExp(
  FURNITURE_PHRASES.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
);

/** Openings of furniture lines (lower-cased, compared at the start of the block). */
const FURNITURE_OPENINGS = [
  'featured image credit',
  'image credit',
  'image source',
  'photo credit',
  'video credit',
  'main image',
  'image:',
  'images:',
  'photo:',
  'photos:',
  'photograph:',
  'picture:',
  'pictures:',
  'credit:',
  'video:',
  'pictured:',
  'read more',
  'read next',
  'also read',
  'related:',
  'related stories',
  'related articles',
  'related content',
  'more on this story',
  'see also',
  'you may also like',
  'watch:',
  'listen:',
  '©',
  'reporting by',
  'additional reporting',
  'editing by',
  'writing by',
  'email:',
  'share:',
  'share this',
  'share on',
  'most read',
  'most popular',
];

/** Openings that are furniture only on a short line: "Recommended" alone, not "Recommended changes to …". */
const SHORT_FURNITURE_OPENINGS = [
  'advertisement',
  'sponsored',
  'copyright',
  'newsletter',
  'sign up',
  'subscribe',
  'recommended',
  'more from',
  'follow',
  'share',
  'comments',
  'watch',
  'listen',
  'trending',
];
const SHORT_LINE_WORDS = 8;

/** An instruction to press an on-screen button: "Click 'OK' then 'Allow'", "Tap “Accept”". */
const BUTTON_INSTRUCTION = /\b(click|tap|press|select|hit)\s+(on\s+)?['"‘“]/i;

const TOPIC_FOOTER = /^(topics|tags|tagged|tagged with|filed under|related topics|categories|more on)\s*:\s*/i;
const CAPTION_ENDING = /\((image|photo|picture|pictured|credit|getty|ap|afp|reuters|pa|epa|alamy)\b[^()]{0,80}\)\s*$/i;
const BYLINE = /^(by|written by|words by|report by)\s+(\p{Lu}[^|•\n]{1,120})$/iu;

/** Splits a footer such as "Topics: Politics, Russia, World News" into its topics. */
export function splitTopicList(list: string): string[] {
  return list
    .split(/[,;|•]/)
    .map((topic) => topic.trim())
    .filter((topic) => topic.length > 0 && topic.length <= 60);
}

/** Words after which a byline's names have ended and its date begins. */
const BYLINE_DATE_WORDS =
  /^(published|updated|posted|on|\d.*|(mon|tues?|wed|thu|thurs|fri|sat|sun)(day)?|jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)[.,:]?$/i;

/** "By Jane Smith, Political Editor" → "Jane Smith"; "Jane Smith Updated Oct. 2" → "Jane Smith"; "By " dropped. */
export function cleanByline(text: string): string {
  const names = text.replace(/^(by|written by|words by|report by)\s+/i, '').split(/[,|•·]|\s[-–—]\s/)[0] ?? '';
  const words = names.trim().split(' ');
  const dateAt = words.findIndex((word, index) => index >= 2 && BYLINE_DATE_WORDS.test(word));
  return (dateAt > 0 ? words.slice(0, dateAt) : words).join(' ').trim();
}

function classifyByline(block: string): BlockRole | null {
  const match = BYLINE.exec(block.split(/\s[|•·]\s|\s[-–—]\s/)[0]?.trim() ?? '');
  if (!match) return null;
  const byline = cleanByline(block);
  if (byline === '' || countWords(byline) > 12) return null;
  return { kind: 'byline', byline, publishedAt: parsePublishedDate(block.slice(match.index + 3)) };
}

function classifyDateline(block: string, words: number): BlockRole | null {
  if (words > 14) return null;
  if (!/^(published|updated|posted|last updated|first published|\d|\p{Lu}\p{Ll}{2,8}\.?,? \d)/iu.test(block))
    return null;
  const publishedAt = parsePublishedDate(block);
  return publishedAt === null ? null : { kind: 'dateline', publishedAt };
}

/**
 * A picture caption in scraped text: a short label with no quotation and mostly capitalised words
 * ("Ukraine's President Volodymyr Zelenskyy."), or a line ending in a picture credit.
 */
export function looksLikeCaption(block: string, words = countWords(block)): boolean {
  if (CAPTION_ENDING.test(block)) return true;
  if (words > 12 || /["“”«»]/.test(block)) return false;
  return capitalisedShare(block) >= 0.75;
}

/** Classifies one block of article text. Long blocks are always body. */
export function classifyBlock(block: string): BlockRole {
  if (block.length > MAX_FURNITURE_CHARS) return { kind: 'body' };
  const topics = TOPIC_FOOTER.exec(block);
  if (topics) return { kind: 'topics', topics: splitTopicList(block.slice(topics[0].length)) };
  const lower = block.toLowerCase();
  if (FURNITURE_OPENINGS.some((opening) => lower.startsWith(opening))) return { kind: 'boilerplate' };
  if (FURNITURE_PHRASE.test(lower)) return { kind: 'boilerplate' };
  const words = countWords(block);
  if (words <= 25 && BUTTON_INSTRUCTION.test(block)) return { kind: 'boilerplate' };
  if (words <= SHORT_LINE_WORDS && SHORT_FURNITURE_OPENINGS.some((opening) => lower.startsWith(opening))) {
    return { kind: 'boilerplate' };
  }
  const byline = classifyByline(block);
  if (byline) return byline;
  const dateline = classifyDateline(block, words);
  if (dateline) return dateline;
  if (words === 0) return { kind: 'boilerplate' };
  return { kind: 'body' };
}
