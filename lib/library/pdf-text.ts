// A PDF's text layer as source text, shared by the command line (Node) and the options page
// (browser). pdf.js is loaded by the caller, each with its own options; this module only reads
// the open document: lines keep their breaks (the matcher's normaliser undoes line-break
// hyphenation), a wider gap between lines starts a new paragraph, and so does a new page.
import type { SourceMeta } from '../types';
import { isoDate } from './source-text';

/** The parts of pdf.js's PDFDocumentProxy read here. */
export interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; cleanup(): unknown }>;
  getMetadata(): Promise<{ info: unknown }>;
}

export interface PdfText {
  text: string;
  meta: Partial<SourceMeta>;
  /** Offset in `text` where each page's words begin; page n (1-based) starts at pageStarts[n - 1]. */
  pageStarts: number[];
}

interface PositionedText {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

function isPositionedText(item: unknown): item is PositionedText {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/** PDF dates look like `D:20231208110500+00'00'`. */
export function pdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = value.match(/^(?:D:)?(\d{4})(\d{2})(\d{2})/);
  return m ? isoDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

export function pageParagraphs(items: unknown[]): string[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    if (!isPositionedText(item)) continue;
    if (current === null) current = { text: '', y: item.transform[5], height: item.height || Math.abs(item.transform[3]) || 10 };
    current.text += item.str;
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);

  const paragraphs: string[][] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    const text = line.text.replace(/\s+/g, ' ').trim();
    if (!text) {
      previous = null; // an empty line: the paragraph ends here
      continue;
    }
    const gap = previous ? previous.y - line.y : 0;
    const newParagraph = previous === null || gap > 1.6 * Math.max(previous.height, line.height) || gap < 0;
    if (newParagraph) paragraphs.push([text]);
    else paragraphs[paragraphs.length - 1].push(text);
    previous = line;
  }
  return paragraphs.map((p) => p.join('\n'));
}

/** Reads every page of an open PDF; the caller destroys the document. */
export async function pdfDocumentText(pdf: PdfDocumentLike): Promise<PdfText> {
  let text = '';
  const pageStarts: number[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const paragraphs = pageParagraphs(content.items);
    if (paragraphs.length > 0 && text !== '') text += '\n\n';
    pageStarts.push(text.length);
    text += paragraphs.join('\n\n');
    page.cleanup();
  }
  const meta: Partial<SourceMeta> = {};
  const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
  if (typeof info.Title === 'string' && info.Title.trim()) meta.title = info.Title.trim();
  if (typeof info.Author === 'string' && info.Author.trim()) meta.author = info.Author.trim();
  const published = pdfDate(info.CreationDate);
  if (published) meta.published = published;
  return { text, meta, pageStarts };
}

/** The page (1-based) holding offset `at`, or null without page starts. */
export function pageAt(pageStarts: readonly number[] | undefined, at: number): number | null {
  if (!pageStarts || pageStarts.length === 0) return null;
  let page = 1;
  for (let i = 0; i < pageStarts.length; i++) if (pageStarts[i] <= at) page = i + 1;
  return page;
}
