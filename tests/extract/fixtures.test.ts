import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { loadArticleFixtures } from './fixture-set.js';
import { scoreQuotes, totalScore, type QuoteScore } from './quote-metrics.js';

const fixtures = loadArticleFixtures();

describe('the labelled article set', () => {
  it('has at least 15 articles in both text and HTML', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
    expect(fixtures.filter((fixture) => fixture.format === 'html').length).toBeGreaterThanOrEqual(5);
    expect(fixtures.filter((fixture) => fixture.format === 'txt').length).toBeGreaterThanOrEqual(5);
  });

  it('finds quotations with F1 ≥ 0.95 and attributes speakers with accuracy ≥ 0.90', () => {
    const scores: QuoteScore[] = [];
    const lines: string[] = [];
    for (const fixture of fixtures) {
      const score = scoreQuotes(extractArticle(fixture.input).quotes, fixture.expected.quotes);
      scores.push(score);
      const problems = [
        ...score.missing.map((text) => `    missing: ${text}`),
        ...score.unexpected.map((text) => `    unexpected: ${text}`),
        ...score.wrongSpeakers.map((text) => `    speaker: ${text}`),
      ];
      lines.push(
        `  ${fixture.name}: ${score.matched}/${score.expected} found, ${score.found} extracted, ${score.speakerCorrect} speakers right`,
        ...problems,
      );
    }
    const totals = totalScore(scores);
    const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
    console.log(
      [
        'Quote extraction over the labelled set:',
        ...lines,
        `  precision ${percent(totals.precision)}, recall ${percent(totals.recall)}, F1 ${percent(totals.f1)}, speaker accuracy ${percent(totals.speakerAccuracy)}`,
      ].join('\n'),
    );
    expect(totals.f1).toBeGreaterThanOrEqual(0.95);
    expect(totals.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  describe.each(fixtures)('$name', (fixture) => {
    const article = extractArticle(fixture.input);
    const { expected } = fixture;

    // Only the fields a fixture labels are checked; a fixture that labels none gets no such test.
    const fields = (['headline', 'standfirst', 'byline', 'publishedAt'] as const).filter(
      (field) => expected[field] !== undefined,
    );
    const labelled = expected.topics === undefined ? fields : [...fields, 'topics'];
    if (labelled.length > 0) {
      it(`has the labelled ${labelled.join(', ')}`, () => {
        for (const field of fields) expect(article[field], field).toBe(expected[field]);
        if (expected.topics !== undefined) expect(new Set(article.topics)).toEqual(new Set(expected.topics));
      });
    }
    it('keeps furniture out of the paragraphs', () => {
      for (const text of expected.forbiddenParagraphText ?? []) {
        expect(article.paragraphs.filter((paragraph) => paragraph.includes(text))).toEqual([]);
      }
      expect(article.paragraphs.length).toBeGreaterThan(0);
      for (const quote of article.quotes) expect(article.paragraphs[quote.paragraph]).toContain(quote.text);
    });
    it('chooses at most three key quotes with named speakers, one per speaker first', () => {
      expect(article.keyQuotes.length).toBeLessThanOrEqual(3);
      for (const quote of article.keyQuotes) expect(quote.speaker).not.toBeNull();
      const speakers = article.keyQuotes.map((quote) => quote.speaker);
      const distinctQuoted = new Set(
        article.quotes
          .filter((quote) => article.keyQuotes.some((key) => key.speaker === quote.speaker))
          .map((q) => q.speaker),
      );
      if (distinctQuoted.size >= speakers.length) expect(new Set(speakers).size).toBe(speakers.length);
    });
  });
});
