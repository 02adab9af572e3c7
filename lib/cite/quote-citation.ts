// "Copy the quote with its citation": the quoted words in quotation marks, then the reference entry.

import type { ArticleMeta } from '../types';
import type { CslItem } from './csl-record';
import { formatEntries, type CitationStyle, type FormatOptions } from './format';

export interface QuoteCitationOptions extends FormatOptions {
  /** A deep link to the passage (see fragment.ts); replaces the item's URL in the entry. */
  passageUrl?: string | null;
  /** The article the quote was read in, added as "Quoted in …". */
  quotedIn?: ArticleMeta | null;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "Quoted in: Neil Wilby, ‘Title’, Site, 8 December 2023, https://…" — plain words, no style's rules. */
export function quotedInLine(article: ArticleMeta): string | null {
  const parts = [
    article.author,
    article.title && `‘${article.title}’`,
    article.site,
    article.published && formatDay(article.published),
    article.url,
  ].filter((p): p is string => Boolean(p && p.trim()));
  return parts.length ? `Quoted in: ${parts.join(', ')}` : null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}

export async function quoteWithCitation(
  quote: string,
  item: CslItem,
  style: CitationStyle,
  opts: QuoteCitationOptions = {},
): Promise<{ text: string; html: string }> {
  const cited: CslItem = opts.passageUrl ? { ...item, URL: opts.passageUrl } : item;
  const [entry] = await formatEntries(cited, style, opts);
  const words = quote.trim().replace(/\s+/g, ' ');
  const quotedIn = opts.quotedIn ? quotedInLine(opts.quotedIn) : null;
  const text = [`“${words}”`, entry.text, quotedIn].filter(Boolean).join('\n');
  const html = [
    `<blockquote>“${escapeHtml(words)}”</blockquote>`,
    `<p>${entry.html}</p>`,
    quotedIn ? `<p>${escapeHtml(quotedIn)}</p>` : '',
  ].join('');
  return { text, html };
}
