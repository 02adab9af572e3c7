// "Get the full text" as the library page runs it: the host is asked for before anything is
// fetched, and a refusal, an unreachable host or a failed page leaves the library as it was.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb, type StoredSource } from '../../../lib/library/db';
import { readSource } from '../../../lib/library/stored-texts';
import { installBuiltins, loadCatalogue } from '../../../lib/library/builtin';
import { getFullText } from '../../../components/library/library-actions';
import type { PageAnswer } from '../../../lib/library/fetched-source';

const ROOT = join(__dirname, '../../..');
const PAGE = readFileSync(join(ROOT, 'tests/fixtures/gov-page/report.html'), 'utf8');
const ID = 'hmicfrs-report-2023';

let db: LibraryDb;
let n = 0;
let calls: string[];
let report: StoredSource;

function deps(answer: (url: string) => Promise<PageAnswer>, grant = true) {
  return {
    db,
    openPdf: () => Promise.reject(new Error('no PDFs here')),
    notifyChanged: async () => {
      calls.push('changed');
    },
    requestHost: async (pattern: string) => {
      calls.push(`ask ${pattern}`);
      return grant;
    },
    fetchPage: async (url: string) => {
      calls.push(`fetch ${url}`);
      return answer(url);
    },
  };
}

beforeEach(async () => {
  db = new LibraryDb(`verbatim-full-text-${++n}`);
  await installBuiltins(db, await loadCatalogue((name) => readFile(join(ROOT, 'public/sources', name), 'utf8')));
  report = (await readSource(db, ID))!;
  calls = [];
});
afterEach(async () => {
  await db.delete();
});

describe('getFullText', () => {
  it('asks for the source’s host, fetches its page, replaces the excerpt and tells the background', async () => {
    const outcome = await getFullText(deps(async (url) => ({ url, status: 200, contentType: 'text/html', body: PAGE })), report);
    expect(outcome.ok).toBe(true);
    expect(calls).toEqual([`ask https://hmicfrs.justiceinspectorates.gov.uk/*`, `fetch ${report.url}`, 'changed']);
    expect(await db.sources.get(ID)).toMatchObject({ origin: 'fetched', excerpt: false });
  });

  it('fetches nothing when the reader does not allow the host', async () => {
    const outcome = await getFullText(deps(async () => { throw new Error('must not fetch'); }, false), report);
    expect(outcome).toEqual({ ok: false, error: 'Verbatim was not allowed to read hmicfrs.justiceinspectorates.gov.uk. The excerpt in your library is unchanged.' });
    expect(calls).toEqual([`ask https://hmicfrs.justiceinspectorates.gov.uk/*`]);
    expect(await db.sources.get(ID)).toEqual(report);
  });

  it('says so when the host cannot be reached, and changes nothing', async () => {
    const outcome = await getFullText(deps(async () => { throw new TypeError('Failed to fetch'); }), report);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(/could not be reached.*The excerpt in your library is unchanged\.$/);
    expect(await db.sources.get(ID)).toEqual(report);
    expect(calls).not.toContain('changed');
  });

  it('refuses a source without a web address before asking for anything', async () => {
    const outcome = await getFullText(deps(async () => { throw new Error('must not fetch'); }), { ...report, url: null });
    expect(outcome.ok).toBe(false);
    expect(calls).toEqual([]);
  });
});
