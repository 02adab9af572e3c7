// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../cli/errors';
import { makePdf } from './make-pdf';
import { firstLine, loadSources, markdownToSourceText, sourceFiles } from '../../../cli/sources';

const CORPUS_SOURCES = 'tests/fixtures/corpus/sources';
let dir: string;

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function inputError(paths: string[]): Promise<string> {
  try {
    await loadSources(paths);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('loadSources did not fail');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-sources-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadSources', () => {
  it('loads the corpus folder with the metadata beside each file; the id is the stem', async () => {
    const sources = await loadSources([CORPUS_SOURCES]);
    expect(sources.map((s) => s.id)).toEqual([
      'hmicfrs-press-release-2023',
      'hmicfrs-report-2023',
      'npcc-meta-e2ee-2023',
      'npcc-response-2023',
    ]);
    const release = sources[0];
    expect(release.title).toBe('Police not doing enough to tackle group-based child sexual exploitation');
    expect(release.type).toBe('press-release');
    expect(release.published).toBe('2023-12-08');
    expect(release.speaker).toMatch(/^Wendy Williams/);
    expect(release.excerpt).toBe(true);
    expect(release.origin).toBe('file');
    expect(release.text).toContain('It cannot be overstated how complex and challenging');
  });

  it('skips files in a folder that describe the sources rather than being one', async () => {
    const sources = await loadSources(['public/sources']);
    expect(sources).toHaveLength(4);
    expect(sources.map((s) => s.id)).not.toContain('ATTRIBUTION');
  });

  it('reads .md and .html sources, and titles a source without metadata by its first line', async () => {
    const sub = join(dir, 'mixed');
    mkdirSync(sub);
    writeFileSync(join(sub, 'notes.md'), '\uFEFF# The statement\r\n\r\nWe said this.\r\n### Later\n\nAnd that.\n');
    writeFileSync(
      join(sub, 'page.html'),
      '<html><head><title>Page title</title><meta name="author" content="Ann Author"></head><body><nav>menu</nav><article><h1>Head</h1><p>Body words.</p></article></body></html>',
    );
    writeFileSync(join(sub, 'page.json'), JSON.stringify({ type: 'speech', publisher: 'Pub' }));
    writeFileSync(join(sub, 'README.md'), '# About these files');
    writeFileSync(join(sub, 'catalogue.json'), '[]');
    writeFileSync(join(sub, '.hidden.txt'), 'x');
    const sources = await loadSources([sub]);
    expect(sources.map((s) => s.id)).toEqual(['notes', 'page']);
    const [notes, page] = sources;
    expect(notes.text).toBe('## The statement\n\nWe said this.\n## Later\n\nAnd that.\n');
    expect(notes.title).toBe('The statement');
    expect(notes.type).toBe('other');
    expect(page.text).toBe('## Head\n\nBody words.');
    expect(page).toMatchObject({ title: 'Page title', author: 'Ann Author', type: 'speech', publisher: 'Pub', url: null });
  });

  it('reads a PDF source: its text layer as paragraphs, and its metadata', async () => {
    const pdf = write(
      'report.pdf',
      makePdf(
        [
          ['Foreword', '', 'It shouldn’t be underestimated how complex and chal-', 'lenging these crimes are.', '', 'A second paragraph.'],
          ['Page two.'],
        ],
        { title: 'The report', author: 'The Inspectorate', created: "D:20231208110500+00'00'" },
      ),
    );
    const [source] = await loadSources([pdf]);
    expect(source.id).toBe('report');
    expect(source.text).toBe(
      'Foreword\n\nIt shouldn’t be underestimated how complex and chal-\nlenging these crimes are.\n\nA second paragraph.\n\nPage two.',
    );
    expect(source).toMatchObject({ title: 'The report', author: 'The Inspectorate', published: '2023-12-08' });
  });

  it('takes single files and folders together, each file once', async () => {
    const files = await sourceFiles([
      CORPUS_SOURCES,
      `${CORPUS_SOURCES}/npcc-response-2023.txt`,
      `${CORPUS_SOURCES}/../sources/npcc-response-2023.txt`,
    ]);
    expect(files).toHaveLength(4);
  });

  it('refuses what cannot be a source, with one line saying why', async () => {
    const empty = join(dir, 'empty-folder');
    mkdirSync(empty);
    writeFileSync(join(empty, 'README.md'), 'nothing here');
    expect(await inputError([empty])).toMatch(/^no sources in folder .*empty-folder/);
    expect(await inputError([join(dir, 'missing')])).toMatch(/^no such file or folder: /);
    expect(await inputError([write('blank.txt', ' \n\n')])).toMatch(/blank\.txt is empty$/);
    expect(await inputError([write('zero.txt', '')])).toMatch(/zero\.txt is empty$/);
    expect(await inputError([write('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))])).toMatch(
      /is not a text file/,
    );
    expect(await inputError([write('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9]))])).toMatch(/is not UTF-8 text/);
    expect(await inputError([write('broken.pdf', '%PDF-1.7\n')])).toMatch(/^cannot read the PDF .*broken\.pdf: /);
    expect(await inputError([write('renamed.pdf', 'Plain words, not a PDF.')])).toMatch(/renamed\.pdf is not a PDF$/);
    expect(await inputError([write('blank.pdf', makePdf([[]]))])).toMatch(/blank\.pdf has no text layer/);
    expect(await inputError([write('sheet.xlsx', 'x')])).toMatch(/^unknown source type '\.xlsx'/);
    write('bad.txt', 'Some words.');
    write('bad.json', '{ "title": ');
    expect(await inputError([join(dir, 'bad.txt')])).toMatch(/bad\.json is not valid JSON/);
    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'dup.md'), 'Other words.');
    expect(await inputError([write('dup.txt', 'Words.'), join(other, 'dup.md')])).toMatch(/share the id 'dup'/);
  });
});

describe('helpers', () => {
  it('turns markdown headings of any level into source headings', () => {
    expect(markdownToSourceText('# One\ntext #1\n###### Six ##\n#NotAHeading')).toBe('## One\ntext #1\n## Six\n#NotAHeading');
  });

  it('finds a title in the first line with words', () => {
    expect(firstLine('\n\n## Foreword\n\nText')).toBe('Foreword');
    expect(firstLine('x'.repeat(300))).toHaveLength(200);
  });
});
