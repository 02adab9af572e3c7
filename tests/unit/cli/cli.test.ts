// @vitest-environment node
// The command as a user runs it: `node bin/verbatim.mjs …` in a child process. Spawns are few (each
// one starts Node and loads the engine); the error cases run in-process through `main`.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../../cli/main';
import { VERDICTS } from '../../../lib/types';
import { ARTICLE_HTML, ARTICLE_TXT, CORPUS_SOURCES, articleText, gold, goldQuote } from './corpus';

const run = promisify(execFile);

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function verbatim(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/verbatim.mjs', ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 32 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** `main` with its output captured, as a test double of the terminal (not of the code under test). */
async function inProcess(args: string[]): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

type Json = Record<string, unknown>;

function expectKeys(value: unknown, keys: string[]): asserts value is Json {
  expect(value).toBeTypeOf('object');
  expect(value).not.toBeNull();
  expect(Object.keys(value as Json)).toEqual(keys);
}

function expectOffsets(start: unknown, end: unknown): void {
  expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
  expect(start as number).toBeGreaterThanOrEqual(0);
  expect(end as number).toBeGreaterThanOrEqual(start as number);
}

/** Every field of the `--json` contract (DESIGN.md, "Command line"), and nothing else outside `match`. */
function expectContract(report: unknown): asserts report is Json {
  expectKeys(report, ['article', 'sources', 'quotes']);
  expectKeys(report.article, ['title', 'url', 'words']);
  const { article } = report;
  expect(article.title === null || typeof article.title === 'string').toBe(true);
  expect(article.url === null || typeof article.url === 'string').toBe(true);
  expect(Number.isInteger(article.words)).toBe(true);

  expect(Array.isArray(report.sources)).toBe(true);
  const ids = new Set<string>();
  for (const source of report.sources as unknown[]) {
    expectKeys(source, ['id', 'title', 'words']);
    expect(source.id).toBeTypeOf('string');
    expect(source.title).toBeTypeOf('string');
    expect(Number.isInteger(source.words)).toBe(true);
    ids.add(source.id as string);
  }

  expect(Array.isArray(report.quotes)).toBe(true);
  for (const quote of report.quotes as unknown[]) {
    expectKeys(quote, ['text', 'start', 'end', 'words', 'short', 'attribution', 'verdict', 'match', 'alsoIn']);
    expect(quote.text).toBeTypeOf('string');
    expectOffsets(quote.start, quote.end);
    expect(Number.isInteger(quote.words)).toBe(true);
    expect(quote.short).toBe((quote.words as number) < 4);
    expect(quote.attribution === null || typeof quote.attribution === 'string').toBe(true);
    expect(VERDICTS).toContain(quote.verdict);
    if (quote.verdict === 'not_found') expect(quote.match).toBeNull();
    if (quote.match !== null) {
      const match = quote.match as Json;
      for (const key of ['sourceId', 'start', 'end', 'original', 'context', 'section', 'similarity', 'diff']) {
        expect(match).toHaveProperty(key);
      }
      expect(ids.has(match.sourceId as string)).toBe(true);
      expectOffsets(match.start, match.end);
      expect(match.original).toBeTypeOf('string');
      expect(match.context).toBeTypeOf('string');
      expect(match.section === null || typeof match.section === 'string').toBe(true);
      expect(match.similarity as number).toBeGreaterThanOrEqual(0);
      expect(match.similarity as number).toBeLessThanOrEqual(1);
      expect(Array.isArray(match.diff)).toBe(true);
      for (const op of match.diff as unknown[]) {
        expectKeys(op, ['op', 'quote', 'source']);
        expect(['equal', 'insert', 'delete', 'replace']).toContain(op.op);
        expect(op.quote).toBeTypeOf('string');
        expect(op.source).toBeTypeOf('string');
      }
    }
    expect(Array.isArray(quote.alsoIn)).toBe(true);
    for (const also of quote.alsoIn as unknown[]) {
      expectKeys(also, ['sourceId', 'verdict', 'start', 'end']);
      expect(ids.has(also.sourceId as string)).toBe(true);
      expect(VERDICTS).toContain(also.verdict);
      expectOffsets(also.start, also.end);
    }
  }
}

function quoteAt(report: Json, id: string): Json {
  const g = goldQuote(id);
  const q = (report.quotes as Json[]).find((r) => r.start === g.start && r.end === g.end);
  if (!q) throw new Error(`quote ${id} was not reported at ${g.start}–${g.end}`);
  return q;
}

describe('verbatim check --json', () => {
  it('reports the .txt article with the full contract, the gold offsets and the known sources', async () => {
    const ran = await verbatim(['check', ARTICLE_TXT, '--sources', CORPUS_SOURCES, '--json']);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    const report = JSON.parse(ran.stdout) as unknown;
    expectContract(report);

    expect((report.sources as Json[]).map((s) => s.id)).toEqual([
      'hmicfrs-press-release-2023',
      'hmicfrs-report-2023',
      'npcc-meta-e2ee-2023',
      'npcc-response-2023',
    ]);
    const quotes = report.quotes as Json[];
    expect(quotes).toHaveLength(27);
    const byStart = [...quotes].sort((a, b) => (a.start as number) - (b.start as number));
    expect(byStart.map((q) => [q.start, q.end, q.text])).toEqual(gold.map((g) => [g.start, g.end, g.quote]));
    for (const q of quotes) expect(articleText.slice(q.start as number, q.end as number)).toBe(q.text);

    const q04 = quoteAt(report, 'q04');
    expect(['partial', 'verbatim']).toContain(q04.verdict);
    expect((q04.match as Json).sourceId).toBe('hmicfrs-press-release-2023');
    const q25 = quoteAt(report, 'q25');
    expect((q25.match as Json | null)?.sourceId).toBe('npcc-meta-e2ee-2023');
    for (const g of gold.filter((x) => x.verdict === 'not_in_corpus')) {
      expect([g.id, quoteAt(report, g.id).verdict]).toEqual([g.id, 'not_found']);
    }
  });

  it('reports the saved page: the same 27 quotes, and the page title and address', async () => {
    const ran = await verbatim(['check', ARTICLE_HTML, '--sources', CORPUS_SOURCES, '--json']);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    const report = JSON.parse(ran.stdout) as unknown;
    expectContract(report);
    const article = report.article as Json;
    expect(article.title).toMatch(/^More grooming gang failings and myths unravelled by police watchdog inspection/);
    expect(article.url).toBe(
      'https://neilwilby.com/2023/12/09/more-grooming-gang-failings-and-myths-unravelled-by-police-watchdog-inspection',
    );
    const quotes = [...(report.quotes as Json[])].sort((a, b) => (a.start as number) - (b.start as number));
    expect(quotes.map((q) => q.text)).toEqual(gold.map((g) => g.quote));
  });
});

describe('verbatim check (table)', () => {
  it('prints a row per quote and ends with the counts by verdict, without colour when piped', async () => {
    const ran = await verbatim(['check', ARTICLE_TXT, '--sources', 'public/sources']);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe('');
    const lines = ran.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^27 quotes: .*\b23 not in your library$/);
    expect(lines.filter((l) => /^\s*\d+\s{2}/.test(l))).toHaveLength(27);
    expect(ran.stdout).toContain('hmicfrs-press-release-2023');
    expect(ran.stdout).not.toContain('\x1b[');
  });
});

describe('errors: one line on stderr, the right exit status, never a trace', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'verbatim-cli-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    writeFileSync(join(dir, 'article.docx'), 'words');
    writeFileSync(join(dir, 'locked.txt'), '“Words,” she said.');
    chmodSync(join(dir, 'locked.txt'), 0o000);
    mkdirSync(join(dir, 'no-sources'));
    writeFileSync(join(dir, 'no-sources', 'ATTRIBUTION.md'), 'About the files');
    writeFileSync(join(dir, 'report.pdf'), '%PDF-1.7\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases: [string, () => string[], number, RegExp][] = [
    ['no command', () => [], 2, /^verbatim: no command given/],
    ['no sources', () => ['check', ARTICLE_TXT], 2, /^verbatim: no sources given/],
    ['an unknown option', () => ['check', ARTICLE_TXT, '--sources', CORPUS_SOURCES, '--xml'], 2, /^verbatim: unknown option '--xml'/],
    ['a missing article', () => ['check', join(dir, 'missing.txt'), '--sources', CORPUS_SOURCES], 1, /^verbatim: no such file or folder: .*missing\.txt$/],
    ['an empty article', () => ['check', join(dir, 'empty.txt'), '--sources', CORPUS_SOURCES], 1, /^verbatim: .*empty\.txt is empty$/],
    ['a binary article', () => ['check', join(dir, 'binary.txt'), '--sources', CORPUS_SOURCES], 1, /^verbatim: .*binary\.txt is not a text file/],
    ['an unknown extension', () => ['check', join(dir, 'article.docx'), '--sources', CORPUS_SOURCES], 1, /^verbatim: unknown article type '\.docx'/],
    ['a folder as the article', () => ['check', dir, '--sources', CORPUS_SOURCES], 1, /^verbatim: .* is a folder, not an article$/],
    ['a missing source', () => ['check', ARTICLE_TXT, '--sources', join(dir, 'nope')], 1, /^verbatim: no such file or folder: .*nope$/],
    ['a folder with no sources', () => ['check', ARTICLE_TXT, '--sources', join(dir, 'no-sources')], 1, /^verbatim: no sources in folder /],
    ['a broken PDF source', () => ['check', ARTICLE_TXT, '--sources', join(dir, 'report.pdf')], 1, /^verbatim: cannot read the PDF .*report\.pdf: /],
  ];
  // Root reads any file whatever its mode: the unreadable case only means something for other users.
  if (process.getuid?.() !== 0) {
    cases.push(['an unreadable article', () => ['check', join(dir, 'locked.txt'), '--sources', CORPUS_SOURCES], 1, /^verbatim: cannot read .*locked\.txt: permission denied$/]);
  }

  it.each(cases)('%s', async (_name, args, code, message) => {
    const ran = await inProcess(args());
    expect(ran.stdout).toBe('');
    expect(ran.stderr.endsWith('\n')).toBe(true);
    expect(ran.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(ran.stderr.trimEnd()).toMatch(message);
    expect(ran.code).toBe(code);
  });

  it('fails the same way as a real process, with no stack trace', async () => {
    const ran = await verbatim(['check', join(dir, 'binary.txt'), '--sources', CORPUS_SOURCES]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toMatch(/^verbatim: .*binary\.txt is not a text file[^\n]*\n$/);
    expect(ran.stderr).not.toMatch(/\n\s+at /);
    const usage = await verbatim(['check']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('verbatim: no article given: verbatim check <article> --sources <dir|file>\n');
  });

  it('answers --help and --version', async () => {
    const help = await inProcess(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: verbatim check /);
    const version = await inProcess(['--version']);
    expect(version).toEqual({ code: 0, stdout: expect.stringMatching(/^verbatim \d+\.\d+\.\d+\n$/), stderr: '' });
  });
});
