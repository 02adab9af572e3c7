// The reference article as a news page (.html): the article's own text through extractArticle,
// in happy-dom (the extension's kind of document) and in linkedom (the command line's).
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectQuotes, extractArticle, offsetOf, rangeFor, readArticleMeta } from '../../../lib/quotes/index';
import { ARTICLE_HTML, ARTICLE_TXT, CANONICAL_URL, GOLD, OG_TITLE } from './corpus';

/** A page in its own happy-dom window (its ranges work, unlike a DOMParser document's). */
function happyDocument(html: string): Document {
  const window = new Window({ url: 'https://neilwilby.com/2023/12/09/' });
  window.document.write(html);
  return window.document as unknown as Document;
}

function linkedomDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

const documents: [string, () => Document][] = [
  ['happy-dom', () => happyDocument(ARTICLE_HTML)],
  ['linkedom', () => linkedomDocument(ARTICLE_HTML)],
];

describe.each(documents)('extractArticle on the reference page (%s)', (_name, load) => {
  const doc = load();
  const article = extractArticle(doc);
  const quotes = detectQuotes(article.text, article.explicit);

  it('finds the same 27 quotes, in order', () => {
    expect(quotes.map((q) => q.text)).toEqual(GOLD.map((g) => g.quote));
    for (const q of quotes) expect(article.text.slice(q.start, q.end)).toBe(q.text);
  });

  it('keeps the same attributions as the plain text', () => {
    expect(quotes.map((q) => q.attribution)).toEqual(detectQuotes(ARTICLE_TXT).map((q) => q.attribution));
  });

  it('leaves out the nav, the aside, the footer and the comment form', () => {
    expect(article.text).not.toContain('Support this site');
    expect(article.text).not.toContain('disastrous');
    expect(article.text).not.toContain('Most read');
    expect(article.text).not.toContain('Great piece');
    expect(article.text).not.toContain('body{font');
    expect(article.text.startsWith('More grooming gang failings')).toBe(true);
    expect(article.text.endsWith('Leave a comment')).toBe(true);
  });

  it('puts one paragraph on each line, as in the .txt', () => {
    const lines = article.text.split('\n');
    expect(lines).toContain('In its report published earlier today (8th December, 2023), HMICFRS said:');
    expect(lines).toContain('What do we know about grooming gangs’ ethnicity?');
    // The .txt's paragraphs, from the first one on, appear in the same order.
    const body = article.text.slice(article.text.indexOf('Following a review'));
    expect(body).toBe(ARTICLE_TXT.trimStart().replace(/\n- /g, '\n'));
  });

  it('maps every text offset back to its text node', () => {
    for (const seg of article.segments) {
      expect(article.text.slice(seg.start, seg.end)).toBe(seg.node.data.replace(/\s/g, ' '));
    }
  });

  it('reads the page metadata', () => {
    expect(article.meta).toEqual({
      title: OG_TITLE,
      url: CANONICAL_URL,
      site: 'Neil Wilby Media',
      author: 'Neil Wilby',
      published: '2023-12-08T11:05:00+00:00',
    });
    expect(readArticleMeta(doc)).toEqual(article.meta);
  });
});

describe('ranges over the reference page (happy-dom)', () => {
  const doc = happyDocument(ARTICLE_HTML);
  const article = extractArticle(doc);
  const quotes = detectQuotes(article.text, article.explicit);

  it('gives each quote a DOM range whose text is the quote', () => {
    for (const q of quotes) expect(rangeFor(article, q.start, q.end)?.toString()).toBe(q.text);
  });

  it('maps a DOM position inside a quote back to its text offset', () => {
    for (const q of quotes) {
      const range = rangeFor(article, q.start, q.end) as Range;
      expect(offsetOf(article, range.startContainer, range.startOffset)).toBe(q.start);
      expect(offsetOf(article, range.endContainer, range.endOffset)).toBe(q.end);
    }
  });

  it('maps an element position to the text that follows it, and outside positions to null', () => {
    const p = doc.querySelectorAll('article p')[1];
    const offset = offsetOf(article, p, 0);
    expect(offset).not.toBeNull();
    expect(article.text.slice(offset as number).startsWith('Following a review')).toBe(true);
    const nav = doc.querySelector('nav') as Element;
    expect(offsetOf(article, nav.firstChild as Node, 1)).toBeNull();
  });
});
