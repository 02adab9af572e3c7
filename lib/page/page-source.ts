// "Add this page", read in the popup: the tab's HTML, parsed inertly (DOMParser runs no script and
// loads nothing), is read by Readability for its main text, and the page's declared details are
// read from the same copy. The live page is never touched: the content script only serialised it.
import { Readability } from '@mozilla/readability';
import { type PageSource, type PageSourceResponse, PAGE_SOURCE_CHARS } from '../messages';
import { readArticleMeta } from '../quotes/meta';
import { htmlToSourceText, isoDate } from '../library/source-text';

const clip = (s: string | null | undefined, max = 1000): string | null => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : null;
};

/** A page's HTML as an inert document whose relative links resolve against the page's own address. */
export function parsePageCopy(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head.prepend(base);
  }
  return doc;
}

/** A page as a library document, or why it is not one. `doc` is a copy: Readability changes it. */
export function readPageSource(doc: Document, url: string): PageSourceResponse {
  const meta = readArticleMeta(doc);
  const article = new Readability(doc).parse();
  if (!article?.content) return { ok: false, error: 'No article text found on this page.' };
  const { text } = htmlToSourceText(new DOMParser().parseFromString(article.content, 'text/html'));
  if (!text.trim()) return { ok: false, error: 'No article text found on this page.' };
  if (text.length > PAGE_SOURCE_CHARS) return { ok: false, error: 'This page is too long to add as one source.' };
  const page: PageSource = {
    url: (meta.url && /^https?:\/\//.test(meta.url) ? meta.url : url).slice(0, 4096),
    title: clip(article.title) ?? clip(meta.title),
    byline: clip(meta.author) ?? clip(article.byline),
    site: clip(meta.site) ?? clip(article.siteName),
    published: isoDate(meta.published) ?? isoDate(article.publishedTime ?? null),
    text,
  };
  return { ok: true, page };
}
