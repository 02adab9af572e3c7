// The full text of a catalogue source from its web page: the publication page fixture's structure
// (headings, numbered paragraphs) without its chrome, refusals that change nothing, and the
// replacement of the excerpt under the same id with its index row.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../../lib/library/db';
import { installBuiltins, loadCatalogue } from '../../../lib/library/builtin';
import { FetchSourceError, documentFromAnswer, originPattern, replaceWithFetched } from '../../../lib/library/fetched-source';
import { loadLibraryIndex } from '../../../lib/library/stored-index';
import { parsePassages } from '../../../lib/library/passages';
import { checkQuote } from '../../../lib/match/check-quote';

const ROOT = join(__dirname, '../../..');
const PAGE = readFileSync(join(ROOT, 'tests/fixtures/gov-page/report.html'), 'utf8');
const URL_ = 'https://hmicfrs.example/publication-html/report/';
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const ok = (body: string, contentType = 'text/html; charset=utf-8') => ({ url: URL_, status: 200, contentType, body });

describe('documentFromAnswer on a publication page', () => {
  const { text } = documentFromAnswer(ok(PAGE), parse);

  it('keeps the title, the section headings and the numbered paragraphs in order', () => {
    const headings = parsePassages(text).filter((p) => p.heading).map((p) => p.section);
    expect(headings).toEqual([
      'An inspection of the effectiveness of the police and law enforcement bodies’ response to group-based child sexual exploitation in England and Wales',
      'Foreword',
      'Recommendations',
      ...[1, 2, 3, 4, 5, 6].map((n) => `Recommendation ${n}`),
    ]);
    expect(text).toContain('\n\n1. Group-based child sexual exploitation has a devastating effect');
    expect(text).toContain('\n\n5. In this report, we identify one area for improvement');
    expect(text).toContain('Published on: 8 December 2023');
  });

  it('leaves out the cookie banner, header, menu, breadcrumbs, contents, print and related links, and footer', () => {
    for (const chrome of ['Skip to main content', 'cookies', 'Our work', 'Publications', 'Group-based child sexual exploitation inspection', 'Contents', 'Print this page', 'Related links', 'Press release:', 'Accessibility', 'Crown copyright']) {
      expect(text, chrome).not.toContain(chrome);
    }
  });

  it('holds every paragraph of the excerpt word for word', () => {
    const excerpt = readFileSync(join(ROOT, 'tests/fixtures/corpus/sources/hmicfrs-report-2023.txt'), 'utf8');
    for (const para of excerpt.split(/\n\s*\n/).map((p) => p.replace(/^#+ /, '').trim())) expect(text).toContain(para);
  });
});

describe('documentFromAnswer refusals', () => {
  it('refuses a failed fetch, a non-HTML answer and a page with no document, saying nothing changed', () => {
    const cases = [
      { ...ok(PAGE), status: 404 },
      ok('%PDF-1.7 …', 'application/pdf'),
      ok('<html><body><nav><a href="/">Home</a></nav><main><h1>Page not found</h1><p>Try the search.</p></main></body></html>'),
    ];
    const messages = cases.map((c) => {
      try {
        documentFromAnswer(c, parse);
        return 'accepted';
      } catch (e) {
        expect(e).toBeInstanceOf(FetchSourceError);
        return (e as Error).message;
      }
    });
    expect(messages[0]).toMatch(/answered 404 \(not found\)/);
    expect(messages[1]).toMatch(/sent application\/pdf rather than a web page/);
    expect(messages[2]).toMatch(/holds no document/);
    for (const m of messages) expect(m).toMatch(/The excerpt in your library is unchanged\.$/);
  });

  it('asks for one host at a time, and only for web addresses', () => {
    expect(originPattern('https://hmicfrs.example:8443/a/b?c')).toBe('https://hmicfrs.example/*');
    expect(originPattern('http://127.0.0.1:5173/report.html')).toBe('http://127.0.0.1/*');
    expect(() => originPattern('file:///etc/passwd')).toThrow(FetchSourceError);
  });
});

describe('replaceWithFetched', () => {
  let db: LibraryDb;
  let n = 0;
  beforeEach(async () => {
    db = new LibraryDb(`verbatim-fetched-test-${++n}`);
    await installBuiltins(db, await loadCatalogue((name) => readFile(join(ROOT, 'public/sources', name), 'utf8')));
  });
  afterEach(async () => {
    await db.delete();
  });

  it('replaces the excerpt under the same id, with its index row, keeping the details', async () => {
    const id = 'hmicfrs-report-2023';
    const before = (await db.sources.get(id))!;
    const { text } = documentFromAnswer(ok(PAGE), parse);
    await replaceWithFetched(db, id, text);
    const after = (await db.sources.get(id))!;
    expect(after).toMatchObject({ id, excerpt: false, origin: 'fetched', title: before.title, publisher: before.publisher, url: before.url, addedAt: before.addedAt });
    expect(after.text).toBe(text);
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(await db.sources.count()).toBe(4);
    const loaded = await loadLibraryIndex(db);
    expect(loaded.report.built).toEqual([]); // the index row was written with the text
    const result = checkQuote(loaded.index, { text: 'By 31 March 2025, the Home Office should stop collecting group-based child sexual exploitation data' });
    expect(result.verdict).toBe('verbatim');
    expect(result.match).toMatchObject({ sourceId: id, section: 'Recommendation 5' });
  });

  it('does not bring back a source removed while its page was fetched', async () => {
    await db.sources.delete('npcc-response-2023');
    await expect(replaceWithFetched(db, 'npcc-response-2023', 'Some text.')).rejects.toThrow(/no longer in the library/);
    expect(await db.sources.get('npcc-response-2023')).toBeUndefined();
  });
});
