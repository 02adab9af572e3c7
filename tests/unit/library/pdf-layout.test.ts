// @vitest-environment node
// PDF text as printed documents lay it out, built here with pdf-lib: two columns where a paragraph
// runs on from the foot of one column to the top of the next, words hyphenated at line ends, and a
// running head, a running foot with the page number, and a bare page number repeated on every page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { pdfToSourceText } from '../../../cli/pdf';
import type { PdfText } from '../../../lib/library/pdf-text';
import { pageAt } from '../../../lib/library/pdf-text';
import { parsePassages } from '../../../lib/library/passages';
import { LibraryIndex, checkQuote } from '../../../lib/match/index';
import type { Source } from '../../../lib/types';

const ROOT = join(__dirname, '../../..');
const HEAD = 'Group-based child sexual exploitation inspection | HMICFRS';
const FOOT = (n: number, of: number) => `Page ${n} of ${of}`;

/** Page 1, column 1 and 2: the Foreword's first paragraph, hyphenated twice, running on across the columns. */
const FIRST = {
  left: [
    'Group-based child sexual exploitation has a',
    'devastating effect on children and their',
    'families. It shouldn’t be underestimated how',
    'complex and challenging these crimes are to',
    'prevent and investi-',
    'gate, and the police can’t tackle them alone.',
  ],
  right: [
    'The police, law enforcement bodies, govern-',
    'ment departments and child protection',
    'agencies need to work together effectively to',
    'protect children from harm and bring',
    'offenders to justice.',
  ],
};

function wrap(paragraph: string, width = 48): string[] {
  return paragraph.match(new RegExp(`.{1,${width}}(?:\\s|$)`, 'g'))!.map((l) => l.trim());
}

let pdf: PdfText;
let laterParagraphs: string[];

beforeAll(async () => {
  const excerpt = readFileSync(join(ROOT, 'tests/fixtures/corpus/sources/hmicfrs-report-2023.txt'), 'utf8');
  const foreword = excerpt.split('## Foreword')[1].split('## Recommendations')[0].trim().split(/\n\s*\n/);
  laterParagraphs = foreword.slice(1, 4); // paragraphs 2-4: one on each later column

  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const size = 10;
  const lead = 12;
  const pages = 3;
  const draw = (page: ReturnType<typeof doc.addPage>, lines: string[], x: number, top: number) =>
    lines.forEach((line, i) => page.drawText(line, { x, y: top - i * lead, size, font }));
  const columns: [string[], string[]][] = [
    [FIRST.left, FIRST.right],
    [wrap(laterParagraphs[0]), wrap(laterParagraphs[1])],
    [wrap(laterParagraphs[2]), []],
  ];
  columns.forEach(([left, right], i) => {
    const page = doc.addPage([595, 842]);
    draw(page, [HEAD], 50, 800);
    draw(page, left, 50, 740);
    draw(page, right, 310, 740);
    draw(page, [FOOT(i + 1, pages)], 50, 40);
    draw(page, [String(i + 1)], 540, 40);
  });
  doc.setTitle('Group-based child sexual exploitation inspection');
  pdf = await pdfToSourceText(await doc.save());
});

describe('PDF text from a printed layout', () => {
  it('drops the running head, the running foot and the page numbers on every page', () => {
    expect(pdf.text).not.toContain('| HMICFRS');
    expect(pdf.text).not.toMatch(/Page \d of 3/);
    expect(pdf.text).not.toMatch(/(^|\n)\d(\n|$)/);
    expect(pdf.pageStarts).toHaveLength(3);
  });

  it('keeps a paragraph whole when it runs on into the next column', () => {
    const paragraphs = parsePassages(pdf.text).map((p) => pdf.text.slice(p.start, p.end));
    const first = paragraphs[0];
    expect(first.startsWith('Group-based child sexual exploitation has a')).toBe(true);
    expect(first.endsWith('offenders to justice.')).toBe(true);
    expect(paragraphs).toHaveLength(4);
  });

  it('keeps line-end hyphens as printed, and quotes of the whole words still match word for word', () => {
    expect(pdf.text).toContain('investi-\ngate');
    const source: Source = {
      id: 'report-pdf', type: 'report', title: 'Report', publisher: null, author: null, speaker: null, published: null,
      url: null, licence: null, coverage: null, excerpt: false, origin: 'file', text: pdf.text,
    };
    const index = LibraryIndex.fromSources([source]);
    const foreword = checkQuote(index, { text: 'It shouldn’t be underestimated how complex and challenging these crimes are to prevent and investigate, and the police can’t tackle them alone.' });
    expect(foreword.verdict).toBe('verbatim');
    const across = checkQuote(index, { text: 'The police, law enforcement bodies, government departments and child protection agencies need to work together effectively' });
    expect(across.verdict).toBe('verbatim');
    // A passage on the last page is found there.
    const last = checkQuote(index, { text: laterParagraphs[2].split('. ')[0] });
    expect(last.verdict).toBe('verbatim');
    expect(pageAt(pdf.pageStarts, last.match!.start)).toBe(3);
  });
});
