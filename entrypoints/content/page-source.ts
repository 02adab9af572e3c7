// "Add this page": the content script's side. On the popup's request it answers a copy of the
// page's HTML and its address; the popup reads the article from that copy. Serialising the page
// changes nothing in it, and no other page or context may ask.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type PageDocumentResponse, LIMITS, PAGE_DOCUMENT_CHARS, isPopupSender, parsePageDocumentRequest } from '@/lib/messages';

/** The document as HTML, with its doctype, as the popup parses it. */
export function serialisePage(doc: Document, url: string): PageDocumentResponse {
  if (!/^https?:\/\//.test(url) || url.length > LIMITS.urlChars) return { ok: false, error: 'Only web pages can be added.' };
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>` : '';
  const html = doctype + doc.documentElement.outerHTML;
  if (html.length > PAGE_DOCUMENT_CHARS) return { ok: false, error: 'This page is too long to add as one source.' };
  return { ok: true, page: { url, html } };
}

/** Answers the popup's page-document request; only this extension's popup may ask. */
export function listenForPageDocument(ctx: ContentScriptContext): void {
  const onMessage = (message: unknown, sender: { id?: string; url?: string; origin?: string; tab?: { id?: number } }) => {
    const extensionOrigin = browser.runtime.getURL('/').replace(/\/+$/, '');
    if (!isPopupSender(sender, browser.runtime.id, extensionOrigin)) return undefined;
    if (!parsePageDocumentRequest(message)) return undefined;
    try {
      return Promise.resolve(serialisePage(document, location.href));
    } catch (e) {
      return Promise.resolve({ ok: false, error: `This page could not be read (${e instanceof Error ? e.message : String(e)}).` });
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
