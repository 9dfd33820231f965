/**
 * `newsbrief extract <file|url|-> [--json]`: one article in, its story out — as JSON for tools, or as a
 * short report for a person. Text or HTML is detected; a URL is fetched by the guarded fetcher the caller passes.
 */
import { readFile } from 'node:fs/promises';
import type { ExtractedArticle, Quote } from '../core/domain.js';
import { UserError } from '../core/errors.js';
import { extractArticle } from '../extract/index.js';

/** Fetches a page with the ingestion guards (size, time, address limits). */
export type FetchPage = (url: string) => Promise<{ body: string; contentType: string | null }>;

/** Where the command reads and writes; process.stdin/stdout/stderr satisfy it. */
export interface ExtractCommandIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  stdin: AsyncIterable<string | Uint8Array>;
}

export interface ExtractCommandDeps {
  /** Needed for http(s) sources; without it a URL is refused with a clear message. */
  fetchPage?: FetchPage;
}

const USAGE = 'Usage: newsbrief extract <file|url|-> [--json]\n';
/** Standard input is read up to this size; the extractor refuses more anyway. */
const MAX_STDIN_BYTES = 6_000_000;

async function readStdin(stdin: ExtractCommandIo['stdin']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) throw new UserError('Standard input is larger than 6 MB; that is not an article.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readSource(
  source: string,
  io: ExtractCommandIo,
  deps: ExtractCommandDeps,
): Promise<{ body: string; contentType?: string; url?: string }> {
  if (source === '-') return { body: await readStdin(io.stdin) };
  if (/^https?:\/\//i.test(source)) {
    if (!deps.fetchPage)
      throw new UserError(`Fetching URLs is not available in this build; save the page and pass the file instead.`);
    const page = await deps.fetchPage(source);
    return { body: page.body, url: source, ...(page.contentType ? { contentType: page.contentType } : {}) };
  }
  try {
    return { body: await readFile(source, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String(code ?? error);
    throw new UserError(`Cannot read ${source}: ${reason}.`);
  }
}

function formatQuote(quote: Quote): string {
  return `  “${quote.text}” — ${quote.speaker ?? 'unattributed'}`;
}

/** The story as a person reads it: headline, standfirst, byline and date, topics, lead image, key quotes, then all quotes. */
export function formatArticleForReading(article: ExtractedArticle): string {
  const lines = [article.headline || '(no headline found)'];
  if (article.standfirst) lines.push(article.standfirst);
  const credit = [article.byline ? `By ${article.byline}` : null, article.publishedAt].filter(Boolean).join(' · ');
  if (credit) lines.push(credit);
  if (article.topics.length > 0) lines.push(`Topics: ${article.topics.join(', ')}`);
  if (article.imageUrl) lines.push(`Lead image: ${article.imageUrl}`);
  lines.push(
    '',
    `Key quotes (${article.keyQuotes.length}):`,
    ...(article.keyQuotes.length ? article.keyQuotes.map(formatQuote) : ['  none']),
  );
  lines.push(
    '',
    `All quotes (${article.quotes.length}):`,
    ...(article.quotes.length ? article.quotes.map(formatQuote) : ['  none']),
  );
  lines.push('', `${article.paragraphs.length} paragraphs of body text.`);
  return `${lines.join('\n')}\n`;
}

/** Runs `extract`; returns the exit code (0 done, 1 the input could not be read, 2 wrong usage). */
export async function runExtractCommand(
  argv: string[],
  io: ExtractCommandIo,
  deps: ExtractCommandDeps = {},
): Promise<number> {
  const json = argv.includes('--json');
  const unknown = argv.filter((arg) => arg.startsWith('--') && arg !== '--json');
  const sources = argv.filter((arg) => !arg.startsWith('--'));
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (unknown.length > 0 || sources.length !== 1) {
    io.stderr.write(unknown.length > 0 ? `Unknown option ${unknown[0]}.\n${USAGE}` : USAGE);
    return 2;
  }
  try {
    const { body, ...options } = await readSource(sources[0] ?? '', io, deps);
    const article = extractArticle(body, options);
    io.stdout.write(json ? `${JSON.stringify(article, null, 2)}\n` : formatArticleForReading(article));
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
