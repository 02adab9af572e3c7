// "Add this page": the content script's side. On the popup's request it reads the page as a
// document with Readability, on a clone so the live page is never changed, and answers its main
// text (as source text) and the details the page declares. Readability's HTML is parsed inertly
// by DOMParser and read as text; none of it is ever put into the page.
import { Readability } from '@mozilla/readability';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type PageSource, type PageSourceResponse, PAGE_SOURCE_CHARS, parsePageSourceRequest, senderKind } from '@/lib/messages';
import { readArticleMeta } from '@/lib/quotes/meta';
import { htmlToSourceText, isoDate } from '@/lib/library/source-text';

const clip = (s: string | null | undefined, max = 1000): string | null => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : null;
};

/** This page as a library document, or why it is not one. */
export function readPageSource(doc: Document, url: string): PageSourceResponse {
  const article = new Readability(doc.cloneNode(true) as Document).parse();
  if (!article?.content) return { ok: false, error: 'No article text found on this page.' };
  const { text } = htmlToSourceText(new DOMParser().parseFromString(article.content, 'text/html'));
  if (!text.trim()) return { ok: false, error: 'No article text found on this page.' };
  if (text.length > PAGE_SOURCE_CHARS) return { ok: false, error: 'This page is too long to add as one source.' };
  const meta = readArticleMeta(doc);
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

/** Answers the popup's page-source request; only this extension's pages may ask. */
export function listenForPageSource(ctx: ContentScriptContext): void {
  const onMessage = (message: unknown, sender: { id?: string; url?: string; tab?: { id?: number } }) => {
    const extensionOrigin = browser.runtime.getURL('/').replace(/\/+$/, '');
    if (senderKind(sender, browser.runtime.id, extensionOrigin) !== 'extension-page') return undefined;
    if (!parsePageSourceRequest(message)) return undefined;
    try {
      return Promise.resolve(readPageSource(document, location.href));
    } catch (e) {
      return Promise.resolve({ ok: false, error: `This page could not be read (${e instanceof Error ? e.message : String(e)}).` });
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
