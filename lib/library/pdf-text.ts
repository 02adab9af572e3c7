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

export interface Line {
  text: string;
  x: number;
  y: number;
  height: number;
}

/** A page's text items as lines, in the order the page draws them (typesetters draw a column at a time). */
export function pageLines(items: unknown[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    if (!isPositionedText(item)) continue;
    // A new line starts at an end-of-line mark, or where the next item sits lower or higher on the page.
    if (current !== null && Math.abs(item.transform[5] - current.y) > 0.5 * current.height && item.str.trim() !== '') {
      lines.push(current);
      current = null;
    }
    if (current === null) current = { text: '', x: item.transform[4], y: item.transform[5], height: item.height || Math.abs(item.transform[3]) || 10 };
    current.text += item.str;
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** Lines into paragraphs: a wider gap than usual between lines starts one; a new column continues it. */
export function linesToParagraphs(lines: Line[]): string[] {
  const paragraphs: string[][] = [];
  let previous: Line | null = null;
  let previousText = '';
  let widest = 0; // the longest line so far, in characters: a column's full measure
  for (const line of lines) {
    const text = line.text.replace(/\s+/g, ' ').trim();
    if (!text) {
      previous = null; // an empty line: the paragraph ends here
      continue;
    }
    const gap = previous ? previous.y - line.y : 0;
    // Up the page and to the right: the top of the next column. The paragraph runs on there when the
    // column's last line was set full; a paragraph's own last line is usually short.
    const nextColumn = previous !== null && gap < 0 && line.x > previous.x + 4 * line.height && previousText.length >= 0.85 * widest;
    widest = Math.max(widest, text.length);
    previousText = text;
    const newParagraph = previous === null || (!nextColumn && (gap > 1.6 * Math.max(previous.height, line.height) || gap < 0));
    if (newParagraph) paragraphs.push([text]);
    else paragraphs[paragraphs.length - 1].push(text);
    previous = line;
  }
  return paragraphs.map((p) => p.join('\n'));
}

export function pageParagraphs(items: unknown[]): string[] {
  return linesToParagraphs(pageLines(items));
}

/** A page number on its own: `12`, `- 12 -`, `Page 12`, `Page 12 of 40`, `xii`. */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s+of\s+\d{1,4})?(?:\s*[-–—])?$/i;

/** How many lines at the top and at the bottom of a page may be running heads or feet. */
const EDGE_LINES = 2;

/** A line's text with its digits blurred, so "Report title | 3" and "Report title | 4" compare equal. */
function runningKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase().replace(/\d+/g, '#');
}

/**
 * Drops the running heads and feet a printed document repeats on its pages (a title, a chapter name,
 * "Page 3 of 40") and bare page numbers at a page's top or bottom: they are the layout's, not the text's,
 * and left in they would cut the paragraphs that run across pages.
 */
export function dropRunningLines(pages: Line[][]): Line[][] {
  const edges = (lines: Line[]) => {
    const sorted = [...lines].filter((l) => l.text.trim() !== '').sort((a, b) => b.y - a.y);
    return new Set([...sorted.slice(0, EDGE_LINES), ...sorted.slice(-EDGE_LINES)]);
  };
  const edgeSets = pages.map(edges);
  const counts = new Map<string, number>();
  for (const set of edgeSets) {
    for (const key of new Set([...set].map((l) => runningKey(l.text)))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // Repeated on at least half the pages (and on two at least): a running line.
  const repeatedOn = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines, i) =>
    lines.filter((line) => {
      if (!edgeSets[i].has(line)) return true;
      const text = line.text.replace(/\s+/g, ' ').trim();
      if (PAGE_NUMBER.test(text)) return false;
      return pages.length < 2 || (counts.get(runningKey(text)) ?? 0) < repeatedOn;
    }),
  );
}

/** Reads every page of an open PDF; the caller destroys the document. */
export async function pdfDocumentText(pdf: PdfDocumentLike): Promise<PdfText> {
  const pages: Line[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(pageLines(content.items));
    page.cleanup();
  }
  let text = '';
  const pageStarts: number[] = [];
  for (const lines of dropRunningLines(pages)) {
    const paragraphs = linesToParagraphs(lines);
    if (paragraphs.length > 0 && text !== '') text += '\n\n';
    pageStarts.push(text.length);
    text += paragraphs.join('\n\n');
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
