// The reference article's 27 quotations against the four source excerpts (hand-checked labels).
import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryIndex, checkQuote, checkQuoteIn } from '../../../lib/match';
import type { QuoteCheck } from '../../../lib/types';
import { loadGold, loadSources } from './corpus';

let index: LibraryIndex;
const gold = loadGold();
const results = new Map<string, QuoteCheck>();

beforeAll(() => {
  const t0 = performance.now();
  index = LibraryIndex.fromSources(loadSources());
  const t1 = performance.now();
  for (const q of gold.quotes) results.set(q.id, checkQuote(index, q.query));
  const t2 = performance.now();
  console.log(`index 4 sources: ${(t1 - t0).toFixed(1)} ms; check ${gold.quotes.length} gold quotes: ${(t2 - t1).toFixed(1)} ms`);
});

describe('gold quotes of the reference article', () => {
  it('the fixtures line up: every gold quote is the article text at its offsets', () => {
    expect(gold.quotes).toHaveLength(27);
    for (const q of gold.quotes) expect(gold.article.slice(q.start, q.end)).toBe(q.quote);
  });

  it('q04: partial in the press release, which ends inside the quote', () => {
    const r = results.get('q04')!;
    expect(r.verdict).toBe('partial');
    expect(r.match?.sourceId).toBe('hmicfrs-press-release-2023');
    expect(r.match?.sourceEnds).toBe(true);
    const release = index.source('hmicfrs-press-release-2023')!;
    // Verbatim as far as the excerpt goes: the span runs to the source's last (cut) word.
    expect(r.match?.original).toBe('It cannot be overstated how complex and challenging these crimes can be to prevent and investig');
    expect(r.match?.end).toBe(release.text.trimEnd().length);
    expect(release.text.slice(r.match!.start, r.match!.end)).toBe(r.match!.original);
    expect(r.match?.context.startsWith('“Group-based child sexual exploitation has a devastating effect')).toBe(true);
  });

  it('q04: also in the report, as altered, with the changed words in the diff', () => {
    const r = results.get('q04')!;
    const report = r.alsoIn.find((a) => a.sourceId === 'hmicfrs-report-2023');
    expect(report?.verdict).toBe('altered');
    const text = index.source('hmicfrs-report-2023')!.text;
    expect(text.slice(report!.start, report!.end)).toBe(
      'It shouldn’t be underestimated how complex and challenging these crimes are to prevent and investigate, and the police can’t tackle them alone',
    );
    // The report's own evidence: the same check restricted to it.
    const q = gold.quotes.find((g) => g.id === 'q04')!;
    const own = checkQuoteIn(index, q.query, 'hmicfrs-report-2023');
    expect(own.verdict).toBe('altered');
    expect([own.match!.start, own.match!.end]).toEqual([report!.start, report!.end]);
    const changes = own.match!.diff.filter((d) => d.op !== 'equal');
    expect(changes.map((d) => [d.quote, d.source])).toEqual(
      expect.arrayContaining([
        expect.arrayContaining([expect.stringContaining('cannot')]),
        expect.arrayContaining([expect.stringContaining('overstated')]),
      ]),
    );
    const sourceSide = changes.map((d) => d.source).join(' ');
    expect(sourceSide).toContain('shouldn’t');
    expect(sourceSide).toContain('underestimated');
    expect(sourceSide).toContain('are');
    expect(own.match!.similarity).toBeGreaterThan(0.7);
    expect(own.match!.similarity).toBeLessThan(1);
  });

  it('q17: “victim blaming” is a minor difference in the press release (victim-blaming)', () => {
    const r = results.get('q17')!;
    expect(r.verdict).toBe('minor');
    expect(r.match?.sourceId).toBe('hmicfrs-press-release-2023');
    expect(r.match?.original).toBe('victim-blaming');
  });

  it('q24: “victim blaming” is a minor difference in the NPCC response', () => {
    const r = results.get('q24')!;
    expect(r.verdict).toBe('minor');
    expect(r.match?.sourceId).toBe('npcc-response-2023');
    expect(r.match?.original).toBe('victim-blaming');
    expect(r.match?.context).toContain('including the use of victim-blaming language');
  });

  it('q25: “staggering” is verbatim in the NPCC statement on encryption', () => {
    const r = results.get('q25')!;
    expect(r.verdict).toBe('verbatim');
    expect(r.match?.sourceId).toBe('npcc-meta-e2ee-2023');
    expect(r.match?.context).toContain('There are staggering numbers of reports');
  });

  it('q14: “good” is not found: the word occurs, but in unrelated context', () => {
    expect(results.get('q14')!.verdict).toBe('not_found');
    const q = gold.quotes.find((g) => g.id === 'q14')!;
    // Even when the article's attribution names the inspectorate, one word needs close context.
    expect(checkQuote(index, { ...q.query, attribution: 'the watchdog' }).verdict).toBe('not_found');
  });

  it('every other gold quote is not in the library', () => {
    const found = new Set(['q04', 'q17', 'q24', 'q25']);
    for (const q of gold.quotes) {
      if (found.has(q.id)) continue;
      const r = results.get(q.id)!;
      expect({ id: q.id, verdict: r.verdict, match: r.match, alsoIn: r.alsoIn }).toEqual({ id: q.id, verdict: 'not_found', match: null, alsoIn: [] });
    }
  });

  it('agrees with the gold source for every quote the gold finds', () => {
    for (const q of gold.quotes) {
      if (!q.source) continue;
      expect(results.get(q.id)!.match?.sourceId).toBe(q.source);
    }
  });

  it('short quotes need context: without it, “staggering” and “victim blaming” are not found', () => {
    expect(checkQuote(index, { text: 'staggering' }).verdict).toBe('not_found');
    expect(checkQuote(index, { text: 'victim blaming' }).verdict).toBe('not_found');
    // An attribution naming the source supports a two-word phrase.
    expect(checkQuote(index, { text: 'victim blaming', attribution: 'the NPCC' }).match?.sourceId).toBe('npcc-response-2023');
  });
});
