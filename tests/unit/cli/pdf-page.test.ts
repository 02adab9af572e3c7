// @vitest-environment node
// `verbatim check` names the PDF page of each match, as the extension's card does: the press release
// as a two-page PDF (page 2 starts at Wendy Williams's statement), checked against the reference article.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCheck } from '../../../cli/check';
import { reportJson } from '../../../lib/check-article';
import { makePdf } from './make-pdf';

const ROOT = join(__dirname, '../../..');
const gold: { quotes: { id: string; quote: string }[] } = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/corpus/gold/wilby-2023-12-08.json'), 'utf8'));
let dir: string;
let paragraphs: string[];
let statement: number;

// pdf.js reads only what is on the page, so paragraphs are set as lines of at most 80 characters.
const lines = (p: string) => p.match(/.{1,80}(?:\s|$)/g)!.map((l) => l.trim());
const page = (ps: string[]) => ps.flatMap((p, i) => (i === 0 ? lines(p) : ['', ...lines(p)]));

/** The press release as a two-page PDF whose second page starts at paragraph `at`, checked against the article. */
async function checkWithBreakAt(at: number, name: string) {
  const folder = join(dir, name);
  mkdirSync(folder);
  writeFileSync(join(folder, 'press-release.pdf'), makePdf([page(paragraphs.slice(0, at)), page(paragraphs.slice(at))]));
  const report = reportJson(await runCheck(join(ROOT, 'tests/fixtures/corpus/articles/wilby-2023-12-08.txt'), [folder, join(ROOT, 'tests/fixtures/corpus/sources/npcc-meta-e2ee-2023.txt')]));
  return (id: string) => report.quotes.find((q) => q.text === gold.quotes.find((g) => g.id === id)!.quote)!;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-pdf-page-'));
  const text = readFileSync(join(ROOT, 'tests/fixtures/corpus/sources/hmicfrs-press-release-2023.txt'), 'utf8');
  paragraphs = text.trim().split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' '));
  statement = paragraphs.findIndex((p) => p.startsWith('“Group-based'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('gives each match in a PDF source the page its passage is on, and none to other sources', async () => {
  const onPage2 = await checkWithBreakAt(statement, 'statement-on-2');
  expect(onPage2('q04').match).toMatchObject({ sourceId: 'press-release', page: 2 });
  expect(onPage2('q25').match).toMatchObject({ sourceId: 'npcc-meta-e2ee-2023', page: null });
  const onPage1 = await checkWithBreakAt(statement + 1, 'statement-on-1');
  expect(onPage1('q04').match).toMatchObject({ sourceId: 'press-release', page: 1 });
});
