// Properties over arbitrary input: detection never throws and its spans are always sound; the
// DOM walk never throws on random trees; and the work grows linearly with the input.
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectQuotes, extractArticle, findAttribution, quoteContext, type ExplicitQuote } from '../../../lib/quotes/index';
import { countWords, isShort } from '../../../lib/text/words';
import type { Quote } from '../../../lib/types';
import { ARTICLE_TXT } from './corpus';

const MARKS = ['“', '”', '‘', '’', '"', "'", '«', '»', '„', '‚', '‹', '›'];
const PIECES = [...MARKS, ...MARKS, ' ', ' ', ' ', '\n', 'a', 'word', 'gangs', 's', 'can', 't', 'n', '90s', '7', '.', ',', ':', '(', ')', '—', 'said', 'It', 'the report', 'he added', '\u00a0', '😀', '𝐀'];

/** Strings made mostly of quote marks, words and spaces: the detector's hard cases. */
const markSoup = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((p) => p.join(''));
/** Any UTF-16 string, lone surrogates included. */
const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 60 }).map((c) => String.fromCharCode(...c));
const anyText = fc.oneof(markSoup, fc.string({ unit: 'binary', maxLength: 80 }), codeUnits);

function checkQuotes(text: string, quotes: Quote[]): void {
  quotes.forEach((q, i) => {
    expect(Number.isInteger(q.start) && Number.isInteger(q.end)).toBe(true);
    expect(0 <= q.start && q.start < q.end && q.end <= text.length).toBe(true);
    expect(q.text).toBe(text.slice(q.start, q.end));
    expect(q.text).toBe(q.text.trim());
    expect(q.words).toBe(countWords(q.text));
    expect(q.words).toBeGreaterThan(0);
    expect(q.short).toBe(isShort(q.words));
    if (i > 0) expect(quotes[i - 1].start <= q.start).toBe(true);
    if (q.parent !== null) {
      const p = quotes[q.parent];
      expect(q.parent).toBeLessThan(i);
      expect(p.start <= q.start && q.end <= p.end).toBe(true);
    }
    expect(q.attribution === null || (typeof q.attribution === 'string' && q.attribution.trim().length > 0)).toBe(true);
  });
}

describe('detectQuotes on arbitrary text', () => {
  it('never throws, and every quote is a sound span of the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const quotes = detectQuotes(text);
        checkQuotes(text, quotes);
        quotes.forEach((q, i) => {
          const c = quoteContext(text, q);
          expect(c.before.length <= 200 && c.after.length <= 200).toBe(true);
          expect(findAttribution(text, quotes, i)).toBe(q.attribution);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('never throws with arbitrary explicit spans', () => {
    const spans = fc.array(
      fc.record({ start: fc.integer({ min: -5, max: 90 }), end: fc.integer({ min: -5, max: 90 }), kind: fc.constantFrom<'q' | 'blockquote'>('q', 'blockquote') }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(anyText, spans, (text, explicit: ExplicitQuote[]) => {
        checkQuotes(text, detectQuotes(text, explicit));
      }),
      { numRuns: 300 },
    );
  });

  it('quoteContext never throws on any span', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: -3, max: 90 }), fc.integer({ min: -3, max: 90 }), (text, a, b) => {
        const c = quoteContext(text, { start: a, end: b });
        expect(typeof c.before).toBe('string');
        expect(typeof c.after).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

// Random small DOM trees, as HTML.
type Tree = { tag: string; attrs: string; children: Tree[] } | string;
const TAGS = ['p', 'div', 'span', 'b', 'q', 'blockquote', 'li', 'ul', 'article', 'main', 'nav', 'aside', 'header', 'footer', 'br', 'h2', 'section', 'figure', 'figcaption', 'script', 'style', 'textarea', 'button', 'template', 'svg', 'a', 'em', 'table', 'tr', 'td', 'pre'];
const ATTRS = ['', '', '', ' hidden', ' aria-hidden="true"', ' style="display:none"', ' contenteditable', ' class="x"'];
const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    markSoup,
    fc.record({ tag: fc.constantFrom(...TAGS), attrs: fc.constantFrom(...ATTRS), children: fc.array(tie('tree'), { maxLength: 4 }) }),
  ),
}));
const toHtml = (t: Tree): string =>
  typeof t === 'string' ? escapeHtml(t) : t.tag === 'br' ? '<br>' : `<${t.tag}${t.attrs}>${t.children.map(toHtml).join('')}</${t.tag}>`;

function checkArticle(doc: Document): void {
  const article = extractArticle(doc);
  const { text } = article;
  expect(text.startsWith('\n') || text.endsWith('\n') || text.includes('\n\n')).toBe(false);
  let last = 0;
  for (const seg of article.segments) {
    expect(seg.start).toBeGreaterThanOrEqual(last);
    expect(text.slice(seg.start, seg.end)).toBe(seg.node.data.replace(/\s/g, ' '));
    last = seg.end;
  }
  for (const e of article.explicit) {
    expect(0 <= e.start && e.start < e.end && e.end <= text.length).toBe(true);
    expect(text.slice(e.start, e.end)).toBe(text.slice(e.start, e.end).trim());
  }
  checkQuotes(text, detectQuotes(text, article.explicit));
}

describe('extractArticle on random small DOM trees', () => {
  it('never throws, in happy-dom and linkedom, and its offsets stay 1:1 with the text nodes', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 4 }), (trees) => {
        const html = `<!doctype html><html><head><title>t</title></head><body>${trees.map(toHtml).join('')}</body></html>`;
        checkArticle(new DOMParser().parseFromString(html, 'text/html'));
        checkArticle(parseHTML(html).document as unknown as Document);
      }),
      { numRuns: 150 },
    );
  });
});

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

describe('page-sized and hostile inputs', () => {
  const shapes: [string, (n: number) => string][] = [
    ['openers only', (n) => '“'.repeat(n)],
    ['deeply nested pairs', (n) => `${'“‘'.repeat(n / 4)}x${'’”'.repeat(n / 4)}`],
    ['side by side pairs', (n) => '“a” '.repeat(n / 2)],
    ['low-high openers that never close', (n) => `„${' “'.repeat(n - 1)}`],
    ['straight marks and apostrophes', (n) => "'it's' \"so\" gangs' ".repeat(n / 5)],
    [
      'random marks and words',
      (n) => {
        const rand = seeded(7);
        const out: string[] = [];
        let marks = 0;
        while (marks < n) {
          const r = rand();
          if (r < 0.6) {
            out.push(MARKS[Math.floor(rand() * MARKS.length)]);
            marks++;
          } else out.push(r < 0.95 ? ' word' : '\n');
        }
        return out.join('');
      },
    ],
  ];

  // How the time grows with these inputs is measured by `npm run bench` (its first table, 10× the
  // input beside 1×), not asserted here: a timed assertion fails on a busy machine, not on slow code.
  it.each(shapes)('100,000 quote marks: %s — every quote a sound span', (_name, make) => {
    const text = make(100_000);
    expect(text.length).toBeGreaterThanOrEqual(100_000);
    const quotes = detectQuotes(text);
    for (const q of quotes) {
      expect(q.start).toBeGreaterThanOrEqual(0);
      expect(q.end).toBeLessThanOrEqual(text.length);
      expect(q.start).toBeLessThan(q.end);
    }
  });

  it('1 MB of article text', () => {
    const text = ARTICLE_TXT.repeat(Math.ceil(1_000_000 / ARTICLE_TXT.length)).slice(0, 1_000_000);
    expect(detectQuotes(text).length).toBeGreaterThan(3000);
  });

  it('1 MB of one paragraph without marks', () => {
    expect(detectQuotes('plain words and more words '.repeat(1_000_000 / 27))).toEqual([]);
  });
});
