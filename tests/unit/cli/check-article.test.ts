// @vitest-environment node
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../../cli/sources';
import { checkArticle, queryFor, reportJson } from '../../../lib/check-article';
import { LibraryIndex } from '../../../lib/match/index';
import { detectQuotes, extractArticle } from '../../../lib/quotes/index';
import { countWords } from '../../../lib/text/words';
import type { ArticleReport, Source } from '../../../lib/types';
import { ARTICLE_HTML, CORPUS_SOURCES, articleText, gold, goldQuote } from './corpus';

let sources: Source[];
let index: LibraryIndex;
let report: ArticleReport;

beforeAll(async () => {
  sources = await loadSources([CORPUS_SOURCES]);
  index = LibraryIndex.fromSources(sources);
  report = checkArticle({ text: articleText, meta: { title: 'The title', url: 'https://example.org/a' } }, index);
});

function resultFor(id: string) {
  const g = goldQuote(id);
  const q = report.quotes.find((r) => r.start === g.start && r.end === g.end);
  if (!q) throw new Error(`quote ${id} was not detected at ${g.start}–${g.end}`);
  return q;
}

describe('checkArticle on the reference article', () => {
  it('describes the article and the library', () => {
    expect(report.article).toEqual({ title: 'The title', url: 'https://example.org/a', words: countWords(articleText) });
    expect(report.sources).toEqual(sources.map((s) => ({ id: s.id, title: s.title, words: countWords(s.text) })));
    expect(report.sources.every((s) => s.words > 50)).toBe(true);
  });

  it('finds the 27 quotes at the gold offsets, with their words', () => {
    expect(report.quotes.map((q) => [q.start, q.end])).toEqual(gold.map((g) => [g.start, g.end]));
    for (const [i, q] of report.quotes.entries()) {
      expect(q.text).toBe(gold[i].quote);
      expect(articleText.slice(q.start, q.end)).toBe(q.text);
      expect(q.words).toBe(countWords(q.text));
    }
  });

  it('finds q04 in the press release and q25 in the NPCC statement on encryption', () => {
    const q04 = resultFor('q04');
    expect(['partial', 'verbatim']).toContain(q04.verdict);
    expect(q04.match?.sourceId).toBe('hmicfrs-press-release-2023');
    const q25 = resultFor('q25');
    expect(q25.verdict).not.toBe('not_found');
    expect(q25.match?.sourceId).toBe('npcc-meta-e2ee-2023');
  });

  it('says "not found" for every quote the library does not hold, and shows no match for them', () => {
    const absent = gold.filter((g) => g.verdict === 'not_in_corpus');
    expect(absent).toHaveLength(23);
    for (const g of absent) {
      const q = resultFor(g.id);
      expect({ id: g.id, verdict: q.verdict, match: q.match }).toEqual({ id: g.id, verdict: 'not_found', match: null });
    }
  });

  it('matches spans that are really in the source', () => {
    for (const q of report.quotes) {
      if (!q.match) continue;
      const source = sources.find((s) => s.id === q.match?.sourceId);
      expect(source).toBeDefined();
      expect(source?.text.slice(q.match.start, q.match.end)).toBe(q.match.original);
    }
  });
});

describe('checkArticle on the saved page', () => {
  it('finds the same 27 quotes in the extracted text, with the page metadata', () => {
    const { document } = parseHTML(readFileSync(ARTICLE_HTML, 'utf8'));
    const extracted = extractArticle(document as unknown as Document);
    const fromPage = checkArticle(extracted, index);
    expect(fromPage.quotes.map((q) => q.text)).toEqual(gold.map((g) => g.quote));
    for (const q of fromPage.quotes) expect(extracted.text.slice(q.start, q.end)).toBe(q.text);
    expect(fromPage.article.title).toMatch(/^More grooming gang failings/);
    expect(fromPage.article.words).toBe(countWords(extracted.text));
  });
});

describe('the pieces', () => {
  it('asks the matcher with the quote, its attribution and the words around it', () => {
    const text = 'The inspectorate said: “Victim-blaming language indicates a problem.” Then it stopped.';
    const [quote] = detectQuotes(text);
    const query = queryFor(text, quote);
    expect(query.text).toBe('Victim-blaming language indicates a problem.');
    expect(query.attribution).toBe(quote.attribution);
    expect(query.before).toContain('said');
    expect(query.after).toContain('Then it stopped');
  });

  it('gives an article without quotes an empty report, not an error', () => {
    const empty = checkArticle({ text: 'No quotations here at all.' }, index);
    expect(empty.quotes).toEqual([]);
    expect(empty.article).toEqual({ title: null, url: null, words: 5 });
  });

  it('keeps only the contract fields in the JSON form', () => {
    const json = reportJson(report);
    expect(Object.keys(json)).toEqual(['article', 'sources', 'quotes']);
    for (const q of json.quotes) {
      expect(Object.keys(q)).toEqual(['text', 'start', 'end', 'words', 'short', 'attribution', 'verdict', 'match', 'alsoIn']);
    }
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('uses no Node API, so that the extension can run it', () => {
    const code = readFileSync('lib/check-article.ts', 'utf8');
    expect(code).not.toMatch(/from ['"](node:|fs|path|os|child_process)/);
    expect(code).not.toMatch(/\bprocess\./);
  });
});
