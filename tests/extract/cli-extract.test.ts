import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExtractCommand, type ExtractCommandIo } from '../../src/cli/extract.js';

const ARTICLE =
  'Pier to reopen in May\n\n"We will be ready for the first visitors of the season," said Mayor Ana Costa.\n';

function fakeIo(stdinText = ''): ExtractCommandIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    stdin: (async function* () {
      yield stdinText;
    })(),
    out: () => out,
    err: () => err,
  };
}

describe('newsbrief extract', () => {
  it('prints the JSON shape for a file with --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsbrief-extract-'));
    const file = join(dir, 'story.txt');
    writeFileSync(file, ARTICLE);
    const io = fakeIo();
    expect(await runExtractCommand([file, '--json'], io)).toBe(0);
    const article = JSON.parse(io.out());
    expect(article.headline).toBe('Pier to reopen in May');
    expect(article.quotes[0]).toEqual({
      text: 'We will be ready for the first visitors of the season,',
      speaker: 'Ana Costa',
      paragraph: 0,
    });
  });

  it('reads standard input for "-" and prints a readable report', async () => {
    const io = fakeIo(ARTICLE);
    expect(await runExtractCommand(['-'], io)).toBe(0);
    expect(io.out()).toContain('Pier to reopen in May');
    expect(io.out()).toContain('— Ana Costa');
  });

  it('says clearly when URL fetching is unavailable, and uses the fetcher when given', async () => {
    const io = fakeIo();
    expect(await runExtractCommand(['https://example.org/a'], io)).toBe(1);
    expect(io.err()).toMatch(/not available/);
    const fetched = fakeIo();
    const fetchPage = async () => ({ body: `<p>${ARTICLE}</p>`, contentType: 'text/html' });
    expect(await runExtractCommand(['https://example.org/a', '--json'], fetched, { fetchPage })).toBe(0);
    expect(JSON.parse(fetched.out()).quotes).toHaveLength(1);
  });

  it('reports a missing file and wrong usage with exit codes', async () => {
    const missing = fakeIo();
    expect(await runExtractCommand(['/no/such/file.txt'], missing)).toBe(1);
    expect(missing.err()).toMatch(/no such file/);
    expect(await runExtractCommand([], fakeIo())).toBe(2);
    expect(await runExtractCommand(['a.txt', '--xml'], fakeIo())).toBe(2);
  });
});
