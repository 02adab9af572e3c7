// Runs in the default (happy-dom) environment on purpose: the formatter must load its styles there too.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { SourceMeta } from '../../../lib/types';
import { cslRecord } from '../../../lib/cite/csl-record';
import { quoteWithCitation, quotedInLine } from '../../../lib/cite/quote-citation';

const meta: SourceMeta = {
  excerpt: true,
  origin: 'builtin',
  ...JSON.parse(readFileSync('tests/fixtures/corpus/sources/hmicfrs-report-2023.json', 'utf8')),
};
const item = cslRecord(meta, { accessed: '2024-01-15' });
const article = {
  title: 'More grooming gang failings and myths unravelled by police watchdog inspection',
  url: 'https://neilwilby.com/2023/12/09/more-grooming-gang-failings-and-myths-unravelled-by-police-watchdog-inspection',
  site: 'Neil Wilby Media',
  author: 'Neil Wilby',
  published: '2023-12-08',
};

describe('quoteWithCitation', () => {
  it('puts the quote in marks above the entry', async () => {
    const r = await quoteWithCitation('  This needs\n to change. ', item, 'harvard');
    const [quote, entry] = r.text.split('\n');
    expect(quote).toBe('“This needs to change.”');
    expect(entry).toMatch(/^His Majesty’s Inspectorate .* \(2023\) An inspection/);
    expect(r.html).toMatch(/^<blockquote>“This needs to change\.”<\/blockquote><p>His Majesty’s .*<i>An inspection/);
  });

  it('links the passage instead of the page when a deep link is given', async () => {
    const deep = `${item.URL}#:~:text=This%20needs%20to%20change.`;
    const r = await quoteWithCitation('This needs to change.', item, 'oscola', { passageUrl: deep });
    expect(r.text).toContain(`<${deep}> accessed 15 January 2024`);
  });

  it('adds where it was quoted, and escapes page text in HTML', async () => {
    const r = await quoteWithCitation('a <b>bold</b> & odd quote', item, 'apa', { quotedIn: article });
    expect(r.text.split('\n')[2]).toBe(
      `Quoted in: Neil Wilby, ‘${article.title}’, Neil Wilby Media, 8 December 2023, ${article.url}`,
    );
    expect(r.html).toContain('“a &#60;b&#62;bold&#60;/b&#62; &#38; odd quote”');
    expect(r.html).not.toContain('<b>');
  });

  it('says nothing of an article it knows nothing about', () => {
    expect(quotedInLine({ title: null, url: null, site: null, author: null, published: null })).toBeNull();
  });
});
