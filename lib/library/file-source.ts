// A file or a paste as a new library source: plain text, Markdown, HTML (parsed inertly, main
// content kept) or PDF (its text layer, page by page). Every refusal is an ImportError whose
// message is meant for the reader; nothing is stored here, so a refused file changes nothing.
import type { SourceMeta } from '../types';
import type { IncomingSource } from './import';
import { newSourceId } from './import';
import { type PdfDocumentLike, type PdfText, pdfDocumentText } from './pdf-text';
import { htmlToSourceText } from './source-text';
import { PACK_EXTENSION } from './pack';

/** The largest file an import reads. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export class ImportError extends Error {
  override name = 'ImportError';
}

export type FileKind = 'text' | 'markdown' | 'html' | 'pdf' | 'pack';

export const ACCEPTED_FILES = ['.txt', '.md', '.html', '.htm', '.pdf', PACK_EXTENSION];

export function fileKind(name: string): FileKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(PACK_EXTENSION)) return 'pack';
  const ext = lower.slice(lower.lastIndexOf('.'));
  if (lower.lastIndexOf('.') < 0) return null;
  if (ext === '.txt') return 'text';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.pdf') return 'pdf';
  return null;
}

/** An open PDF, and how to close it. Supplied by the caller, who knows where pdf.js lives. */
export type OpenPdf = (bytes: Uint8Array) => Promise<PdfDocumentLike & { destroy(): Promise<unknown> }>;

export interface FileSourceDeps {
  openPdf: OpenPdf;
  /** Parses HTML without running it; DOMParser does by default. */
  parseHtml?: (html: string) => Document;
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Markdown headings of any level become the source format's `## ` heading lines. */
export function markdownToSourceText(markdown: string): string {
  return markdown.replace(/^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm, '## $1');
}

/** The first line of the text that has words, without its heading mark: a title when none is given. */
export function firstLine(text: string): string {
  for (const line of text.split('\n')) {
    const words = line.replace(/^#+\s*/, '').trim();
    if (words) return words.length > 200 ? `${words.slice(0, 199)}…` : words;
  }
  return '';
}

function decodeText(name: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    throw new ImportError(`${name} is not readable text (it is not UTF-8): nothing was imported.`);
  }
}

async function readPdf(name: string, bytes: Uint8Array, open: OpenPdf): Promise<PdfText> {
  if (new TextDecoder().decode(bytes.subarray(0, 1024)).indexOf('%PDF-') === -1) {
    throw new ImportError(`${name} is not a PDF (it does not start like one): nothing was imported.`);
  }
  let pdf: Awaited<ReturnType<OpenPdf>>;
  try {
    pdf = await open(bytes);
  } catch (e) {
    const kind = (e as { name?: string } | null)?.name;
    if (kind === 'PasswordException') {
      throw new ImportError(`${name} is protected by a password. Save a copy without the password, then import that.`);
    }
    throw new ImportError(`${name} is damaged or not a PDF that can be read: nothing was imported.`);
  }
  try {
    return await pdfDocumentText(pdf);
  } catch {
    throw new ImportError(`${name} is damaged: its pages could not be read. Nothing was imported.`);
  } finally {
    await pdf.destroy();
  }
}

function baseName(name: string): string {
  const i = name.lastIndexOf('.');
  return (i > 0 ? name.slice(0, i) : name).replace(/[_-]+/g, ' ').trim();
}

/** A new source with the given text and whatever metadata is known; every unknown field null. */
export function newSource(text: string, meta: Partial<SourceMeta>, origin: IncomingSource['origin']): IncomingSource {
  const title = meta.title?.trim() || firstLine(text) || 'Untitled';
  return {
    id: newSourceId(title),
    type: meta.type ?? 'other',
    title,
    publisher: meta.publisher ?? null,
    author: meta.author ?? null,
    speaker: meta.speaker ?? null,
    published: meta.published ?? null,
    url: meta.url ?? null,
    licence: meta.licence ?? null,
    coverage: meta.coverage ?? null,
    excerpt: meta.excerpt ?? false,
    origin,
    text,
  };
}

/** Reads one picked or dropped file as a source (not a pack: packs go through pack.ts). */
export async function sourceFromFile(name: string, bytes: Uint8Array, deps: FileSourceDeps): Promise<IncomingSource> {
  const kind = fileKind(name);
  if (kind === null || kind === 'pack') {
    throw new ImportError(`${name}: this type of file cannot be imported. Choose a .txt, .md, .html, .htm or .pdf file.`);
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw new ImportError(`${name} is ${megabytes(bytes.length)}, over the ${megabytes(MAX_FILE_BYTES)} limit for one file: nothing was imported.`);
  }
  if (bytes.length === 0) throw new ImportError(`${name} is empty: nothing was imported.`);

  let text: string;
  let meta: Partial<SourceMeta> = {};
  let pageStarts: number[] | undefined;
  if (kind === 'pdf') {
    const pdf = await readPdf(name, bytes, deps.openPdf);
    if (pdf.text.trim() === '') {
      throw new ImportError(`${name} has no text layer (it is probably a scan). Run text recognition (OCR) on it first, then import it.`);
    }
    ({ text, meta, pageStarts } = pdf);
  } else {
    const raw = decodeText(name, bytes);
    if (kind === 'html') {
      const parse = deps.parseHtml ?? ((html: string) => new DOMParser().parseFromString(html, 'text/html'));
      ({ text, meta } = htmlToSourceText(parse(raw)));
    } else {
      text = kind === 'markdown' ? markdownToSourceText(raw) : raw;
    }
  }
  if (text.trim() === '') throw new ImportError(`${name} has no text to check quotes against: nothing was imported.`);
  const source = newSource(text, { ...meta, title: meta.title ?? (baseName(name) || undefined) }, 'file');
  if (pageStarts) source.pageStarts = pageStarts;
  return source;
}

/** The reader's words for a storage failure; QuotaExceededError is named in plain terms. */
export function describeStorageError(e: unknown): string {
  const name = (e as { name?: string; inner?: { name?: string } } | null)?.name;
  const inner = (e as { inner?: { name?: string } } | null)?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'The browser has no more storage space for the library. Remove some sources or free disk space, then try again. Nothing was imported.';
  }
  const message = e instanceof Error ? e.message : String(e);
  return `The library could not be saved (${message}). Nothing was imported.`;
}
