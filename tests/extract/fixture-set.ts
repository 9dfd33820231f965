/** The labelled article fixtures in tests/fixtures/articles: each NN-name.(txt|html) with NN-name.expected.json. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ARTICLES_DIR = join(import.meta.dirname, '..', 'fixtures', 'articles');

export interface ExpectedQuote {
  text: string;
  speaker: string | null;
}

export interface ExpectedArticle {
  headline?: string;
  standfirst?: string | null;
  byline?: string | null;
  publishedAt?: string | null;
  topics?: string[];
  /** Substrings no body paragraph may contain (furniture that must be filtered out). */
  forbiddenParagraphText?: string[];
  quotes: ExpectedQuote[];
}

export interface ArticleFixture {
  name: string;
  format: 'txt' | 'html';
  input: string;
  expected: ExpectedArticle;
}

export function loadArticleFixtures(): ArticleFixture[] {
  return readdirSync(ARTICLES_DIR)
    .filter((file) => file.endsWith('.expected.json'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.expected\.json$/, '');
      const format = existsSync(join(ARTICLES_DIR, `${name}.html`)) ? 'html' : 'txt';
      return {
        name,
        format,
        input: readFileSync(join(ARTICLES_DIR, `${name}.${format}`), 'utf8'),
        expected: JSON.parse(readFileSync(join(ARTICLES_DIR, file), 'utf8')) as ExpectedArticle,
      };
    });
}

/** Quote texts are compared with runs of whitespace collapsed; nothing else is forgiven. */
export const quoteKey = (text: string): string => text.replace(/\s+/g, ' ').trim();
