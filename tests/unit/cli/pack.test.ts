// @vitest-environment node
// `verbatim pack` and packs given to `--sources`, run in-process through `main` and once as a user would.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../../cli/main';
import { parseArgs } from '../../../cli/args';
import { loadSources } from '../../../cli/sources';
import { parsePack } from '../../../lib/library/pack';
import { ARTICLE_TXT, CORPUS_SOURCES } from './corpus';

const dir = mkdtempSync(join(tmpdir(), 'verbatim-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function inProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s), isTTY: false }, stderr: { write: (s: string) => (stderr += s) }, env: {} };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('verbatim pack', () => {
  it('parses its arguments and refuses a wrong output name', () => {
    expect(parseArgs(['pack', 'src', '-o', 'lib.verbatim.json'])).toEqual({ kind: 'pack', sources: ['src'], output: 'lib.verbatim.json' });
    expect(() => parseArgs(['pack', 'src'])).toThrow(/no output/);
    expect(() => parseArgs(['pack', '-o', 'a.verbatim.json'])).toThrow(/no sources/);
    expect(() => parseArgs(['pack', 'src', '-o', 'lib.json'])).toThrow(/\.verbatim\.json/);
  });

  it('packs a folder with its metadata; checking with the pack gives the same report as with the folder', async () => {
    const out = join(dir, 'corpus.verbatim.json');
    const ran = await inProcess(['pack', CORPUS_SOURCES, '-o', out]);
    expect(ran).toMatchObject({ code: 0, stderr: `verbatim: wrote 4 sources to ${out}\n` });
    const sources = await parsePack(readFileSync(out, 'utf8'));
    expect(sources.map((s) => s.id).sort()).toEqual([
      'hmicfrs-press-release-2023', 'hmicfrs-report-2023', 'npcc-meta-e2ee-2023', 'npcc-response-2023',
    ]);
    expect(sources.find((s) => s.id === 'hmicfrs-press-release-2023')).toMatchObject({ type: 'press-release', published: '2023-12-08', origin: 'pack' });
    expect(await loadSources([out])).toEqual((await loadSources([CORPUS_SOURCES])).map((s) => ({ ...s, origin: 'pack' })));

    const withFolder = await inProcess(['check', ARTICLE_TXT, '--sources', CORPUS_SOURCES, '--json']);
    const withPack = await inProcess(['check', ARTICLE_TXT, '--sources', out, '--json']);
    expect(withPack.code).toBe(0);
    expect(JSON.parse(withPack.stdout)).toEqual(JSON.parse(withFolder.stdout));
  });

  it('refuses a damaged pack given to --sources, naming it', async () => {
    const bad = join(dir, 'bad.verbatim.json');
    writeFileSync(bad, JSON.stringify({ format: 'verbatim-pack', version: 1, exportedAt: 'x', sources: [{ id: 'a' }] }));
    const ran = await inProcess(['check', ARTICLE_TXT, '--sources', bad]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/^verbatim: .*bad\.verbatim\.json: source 1 \(a\) has no title\n$/);
  });

  it('runs from the shell as documented', async () => {
    const out = join(dir, 'shell.verbatim.json');
    const { stderr } = await promisify(execFile)(process.execPath, ['bin/verbatim.mjs', 'pack', CORPUS_SOURCES, '-o', out]);
    expect(stderr).toMatch(/wrote 4 sources/);
    expect((await parsePack(readFileSync(out, 'utf8'))).length).toBe(4);
  });
});
