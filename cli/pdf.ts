// A PDF as source text, in Node: pdf.js reads the text of each page; lines keep their breaks
// (the matcher's normaliser undoes line-break hyphenation), a wider gap between lines starts a
// new paragraph, and so does a new page.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceMeta } from '../lib/types';
import { isoDate } from '../lib/library/source-text';

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
function pdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = value.match(/^(?:D:)?(\d{4})(\d{2})(\d{2})/);
  return m ? isoDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

function pageParagraphs(items: unknown[]): string[] {
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

export async function pdfToSourceText(bytes: Uint8Array): Promise<{ text: string; meta: Partial<SourceMeta> }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = getDocument({
    data: bytes,
    standardFontDataUrl: `${pathToFileURL(join(pdfjsRoot, 'standard_fonts')).pathname}/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const pdf = await task.promise;
  try {
    const paragraphs: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      paragraphs.push(...pageParagraphs(content.items));
      page.cleanup();
    }
    const meta: Partial<SourceMeta> = {};
    const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    if (typeof info.Title === 'string' && info.Title.trim()) meta.title = info.Title.trim();
    if (typeof info.Author === 'string' && info.Author.trim()) meta.author = info.Author.trim();
    const published = pdfDate(info.CreationDate);
    if (published) meta.published = published;
    return { text: paragraphs.join('\n\n'), meta };
  } finally {
    await pdf.destroy();
  }
}
