// The library given by `--sources`: files (.txt, .md, .html) and folders of them, each with an
// optional `<stem>.json` of metadata beside it. The source's id is the file's stem.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Source, SourceMeta } from '../lib/types';
import { htmlToSourceText } from '../lib/library/source-text';
import { PACK_EXTENSION, PackError, parsePack } from '../lib/library/pack';
import { toSource } from '../lib/library/db';
import { firstLine, markdownToSourceText } from '../lib/library/file-source';
import { InputError } from './errors';
import { describeReadError, extensionOf, pathKind, readTextFile } from './files';

export const SOURCE_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf'] as const;

/** Files that live beside sources in a folder but are about them, not sources themselves. */
const NOT_SOURCES = /^(readme|attribution|licen[cs]e|copying|notice|changelog|contributing|authors)$/i;

function stemOf(path: string): string {
  const name = basename(path);
  return name.slice(0, name.length - extensionOf(name).length);
}

function isSourceExtension(ext: string): boolean {
  return (SOURCE_EXTENSIONS as readonly string[]).includes(ext);
}

/** The source files of a folder, in name order; not recursive. */
export async function sourceFilesIn(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (e) {
    throw describeReadError(folder, e);
  }
  return names
    .filter((name) => !name.startsWith('.'))
    .filter((name) => isSourceExtension(extensionOf(name)) && stemOf(name) !== '' && !NOT_SOURCES.test(stemOf(name)))
    .sort()
    .map((name) => join(folder, name));
}

/** Every file named by the `--sources` arguments, each once. */
export async function sourceFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await pathKind(path)) === 'folder') {
      const inFolder = await sourceFilesIn(path);
      if (inFolder.length === 0) {
        throw new InputError(`no sources in folder ${path} (expected ${SOURCE_EXTENSIONS.join(', ')} files)`);
      }
      files.push(...inFolder);
    } else {
      files.push(path);
    }
  }
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Sidecar = Partial<Record<keyof SourceMeta, unknown>>;

/** The `<stem>.json` beside a source, if there is one. */
async function readSidecar(file: string): Promise<Sidecar> {
  const path = join(resolve(file, '..'), `${stemOf(file)}.json`);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return {};
    throw describeReadError(path, e);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new InputError(`${path} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError(`${path} should hold one JSON object of metadata`);
  }
  return parsed as Sidecar;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

// One reading of Markdown and of a missing title, shared with the extension's imports.
export { firstLine, markdownToSourceText } from '../lib/library/file-source';

/** A source as the command line loads it: PDFs also say where each page begins in the text. */
export type LoadedSource = Source & { pageStarts?: number[] };

interface ReadText {
  text: string;
  meta: Partial<SourceMeta>;
  pageStarts?: number[];
}

async function pdfSourceText(file: string): Promise<ReadText> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    throw describeReadError(file, e);
  }
  if (bytes.length === 0) throw new InputError(`${file} is empty`);
  if (new TextDecoder().decode(bytes.subarray(0, 1024)).indexOf('%PDF-') === -1) {
    throw new InputError(`${file} is not a PDF`);
  }
  const { pdfToSourceText } = await import('./pdf');
  let result: ReadText;
  try {
    result = await pdfToSourceText(bytes);
  } catch (e) {
    throw new InputError(`cannot read the PDF ${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (result.text.trim() === '') {
    throw new InputError(`${file} has no text layer (a scanned PDF needs text recognition first)`);
  }
  return result;
}

async function sourceText(file: string): Promise<ReadText> {
  const ext = extensionOf(file);
  if (ext === '.pdf') return pdfSourceText(file);
  if (!isSourceExtension(ext)) {
    throw new InputError(`unknown source type '${ext || basename(file)}': ${file} (expected .txt, .md, .html or .pdf)`);
  }
  const raw = (await readTextFile(file)).replace(/\r\n?/g, '\n');
  if (ext === '.html' || ext === '.htm') {
    const { document } = parseHTML(raw);
    return htmlToSourceText(document);
  }
  if (ext === '.md') return { text: markdownToSourceText(raw), meta: {} };
  return { text: raw, meta: {} };
}

export async function loadSource(file: string): Promise<LoadedSource> {
  const { text, meta, pageStarts } = await sourceText(file);
  if (text.trim() === '') throw new InputError(`${file} has no text`);
  const sidecar = await readSidecar(file);
  const coverage = str(sidecar.coverage);
  return {
    id: stemOf(file),
    type: str(sidecar.type) ?? meta.type ?? 'other',
    title: str(sidecar.title) ?? meta.title ?? firstLine(text),
    publisher: str(sidecar.publisher) ?? meta.publisher ?? null,
    author: str(sidecar.author) ?? meta.author ?? null,
    speaker: str(sidecar.speaker) ?? null,
    published: str(sidecar.published) ?? meta.published ?? null,
    url: str(sidecar.url) ?? meta.url ?? null,
    licence: str(sidecar.licence) ?? null,
    coverage,
    // A coverage note that calls the text an excerpt says as much as an explicit flag.
    excerpt: typeof sidecar.excerpt === 'boolean' ? sidecar.excerpt : /\bexcerpt\b/i.test(coverage ?? ''),
    origin: 'file',
    text,
    ...(pageStarts ? { pageStarts } : {}),
  };
}

/** The sources of a `.verbatim.json` library pack, as they were exported. */
export async function loadPack(file: string): Promise<Source[]> {
  const raw = await readTextFile(file);
  try {
    return (await parsePack(raw)).map((s) => toSource({ ...s, words: 0 }));
  } catch (e) {
    if (e instanceof PackError) throw new InputError(`${file}: ${e.message}`);
    throw e;
  }
}

/** The library named by the `--sources` arguments. Two files with the same stem would share an id: refused. */
export async function loadSources(paths: readonly string[]): Promise<LoadedSource[]> {
  const files = await sourceFiles(paths);
  const byId = new Map<string, string>();
  const sources: LoadedSource[] = [];
  const add = (source: LoadedSource, file: string) => {
    const other = byId.get(source.id);
    if (other !== undefined) throw new InputError(`two sources would share the id '${source.id}': ${other} and ${file}`);
    byId.set(source.id, file);
    sources.push(source);
  };
  for (const file of files) {
    if (file.toLowerCase().endsWith(PACK_EXTENSION)) {
      for (const source of await loadPack(file)) add(source, file);
    } else {
      add(await loadSource(file), file);
    }
  }
  return sources;
}
