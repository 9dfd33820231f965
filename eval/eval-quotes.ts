/**
 * Quote, speaker and headline accuracy on the dev set (or on the committed fixtures). Fetches nothing.
 *
 *   npm run eval:quotes -- <pages folder>             pages <id>.html against eval/devset/labels.json
 *   npm run eval:quotes -- --fixtures                 tests/fixtures/articles against their expected.json
 *   options: --labels <file>   --only <id,id>   --raw <raw labels folder> (lists each mistake with its text;
 *            for local diagnosis only, the raw labels being third-party text kept outside git)
 *            --speakers (lists each matched quotation whose speaker differs: its first words, ours, the label's;
 *            for the terminal only, never to be saved in the repository)
 *
 * The matching rule is described in score.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../src/extract/index.js';
import { hashHeadline, hashLabel, hashWords, speakerKey, type HashedPage, type RawLabel } from './label-format.js';
import { scorePage, totals, type FoundQuote, type PageScore } from './score.js';

interface Case {
  page: HashedPage;
  input: string;
  raw: RawLabel | null;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function devsetCases(folder: string): Case[] {
  const labels = JSON.parse(
    readFileSync(option('--labels') ?? join(import.meta.dirname, 'devset', 'labels.json'), 'utf8'),
  ) as HashedPage[];
  const rawFolder = option('--raw');
  return labels.flatMap((page) => {
    const file = join(folder, `${page.id}.html`);
    if (!existsSync(file)) {
      console.log(`  ${page.id}: page not in ${folder}, skipped`);
      return [];
    }
    const rawFile = rawFolder ? join(rawFolder, `${page.id}.json`) : '';
    const raw = rawFile && existsSync(rawFile) ? (JSON.parse(readFileSync(rawFile, 'utf8')) as RawLabel) : null;
    return [{ page, input: readFileSync(file, 'utf8'), raw }];
  });
}

function fixtureCases(): Case[] {
  const dir = join(import.meta.dirname, '..', 'tests', 'fixtures', 'articles');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.expected.json'))
    .sort()
    .map((file) => {
      const id = file.replace(/\.expected\.json$/, '');
      const expected = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<RawLabel, 'id'>;
      const format = existsSync(join(dir, `${id}.html`)) ? 'html' : 'txt';
      const raw: RawLabel = {
        ...expected,
        id,
        repo: '',
        commit: '',
        path: '',
        lang: 'en',
        headline: expected.headline ?? '',
      };
      return { page: hashLabel(raw), input: readFileSync(join(dir, `${id}.${format}`), 'utf8'), raw };
    });
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}`.padStart(5);

function describeMistakes(found: FoundQuote[], c: Case, score: PageScore, headline: string): string[] {
  if (!c.raw) return [];
  const lines: string[] = [];
  if (!score.headlineExact) lines.push(`      headline: got "${headline}" want "${c.raw.headline}"`);
  const matchedFound = new Set(score.pairs.map(([f]) => f));
  const matchedLabel = new Set(score.pairs.map(([, l]) => l));
  for (const [f, l] of score.pairs) {
    const got = found[f]?.speaker ?? null;
    const want = c.raw.quotes[l]?.speaker ?? null;
    if (speakerKey(got) !== speakerKey(want))
      lines.push(`      speaker: ${JSON.stringify(got)} want ${JSON.stringify(want)}: ${found[f]?.text.slice(0, 90)}`);
  }
  found.forEach((q, f) => {
    if (!matchedFound.has(f)) lines.push(`      extra [${q.speaker}]: ${q.text.slice(0, 110)}`);
  });
  c.raw.quotes.forEach((q, l) => {
    if (!matchedLabel.has(l)) lines.push(`      missed [${q.speaker}]: ${q.text.slice(0, 110)}`);
  });
  return lines;
}

/** `--speakers`: each matched quotation whose speaker differs from the label's, by its first words. */
function describeSpeakers(found: FoundQuote[], c: Case, score: PageScore): string[] {
  return score.pairs.flatMap(([f, l]) => {
    const got = found[f]?.speaker ?? null;
    const want = c.page.quotes[l]?.speaker ?? null;
    if (speakerKey(got) === speakerKey(want)) return [];
    const opening = (found[f]?.text ?? '').split(/\s+/).slice(0, 8).join(' ');
    return [
      `      ${got === null ? 'NONE ' : 'WRONG'} ours ${JSON.stringify(got)} label ${JSON.stringify(want)}: ${opening}`,
    ];
  });
}

function main(): void {
  const folder = process.argv.slice(2).find((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
  const fixtures = process.argv.includes('--fixtures');
  if (!fixtures && folder === undefined) {
    console.error('usage: npm run eval:quotes -- <pages folder> | --fixtures  [--raw <labels folder>] [--only ids]');
    process.exit(2);
  }
  const only = option('--only')?.split(',');
  const cases = (fixtures ? fixtureCases() : devsetCases(folder!)).filter((c) => !only || only.includes(c.page.id));
  const scores: PageScore[] = [];
  const byLang = new Map<string, PageScore[]>();
  console.log(
    'page                          lang  labels found match |  P     R     F1  | spk ok wrong none | headline',
  );
  for (const c of cases) {
    const article = extractArticle(c.input, { contentType: fixtures ? undefined : 'text/html' });
    const found: FoundQuote[] = article.quotes.map((q) => ({
      words: hashWords(q.text),
      speaker: q.speaker,
      text: q.text,
    }));
    const headline = article.headline.replace(/\s+/g, ' ').trim();
    const wordsSame = hashWords(headline).join(' ') === c.page.headlineWords.join(' ');
    const score = scorePage(found, c.page.quotes, {
      exact: hashHeadline(headline) === c.page.headlineHash,
      words: wordsSame,
    });
    scores.push(score);
    byLang.set(c.page.lang, [...(byLang.get(c.page.lang) ?? []), score]);
    const t = totals([score]);
    console.log(
      `${c.page.id.slice(0, 30).padEnd(30)}${c.page.lang.padEnd(4)}${String(score.labels).padStart(6)}${String(score.found).padStart(6)}${String(score.matched).padStart(6)} |${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)} |${String(score.speakerRight).padStart(5)}${String(score.speakerWrong).padStart(6)}${String(score.speakerNone).padStart(5)} | ${score.headlineExact ? 'exact' : score.headlineWords ? 'words' : 'WRONG'}`,
    );
    for (const line of describeMistakes(found, c, score, headline)) console.log(line);
    if (process.argv.includes('--speakers')) for (const line of describeSpeakers(found, c, score)) console.log(line);
  }
  const report = (label: string, list: PageScore[]): void => {
    const t = totals(list);
    console.log(
      `${label}: ${t.pages} pages, ${list.reduce((s, x) => s + x.labels, 0)} labelled quotes, ${list.reduce((s, x) => s + x.matched, 0)} matched | precision ${pct(t.precision)} recall ${pct(t.recall)} F1 ${pct(t.f1)} (lenient F1 ${pct(t.lenientF1)}) | speaker accuracy ${pct(t.speakerAccuracy)} wrong ${pct(t.wrongRate)} none ${pct(t.noneRate)} | headline exact ${pct(t.headlineExact)} (same words ${pct(t.headlineWords)})`,
    );
  };
  console.log('');
  for (const [lang, list] of [...byLang].sort()) report(`  ${lang}`, list);
  report('OVERALL', scores);
}

main();
