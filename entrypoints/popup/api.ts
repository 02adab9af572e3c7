// The popup's calls to the background and to the page's content script.
import { browser } from 'wxt/browser';
import type { ArticleMeta, QuoteCheck } from '@/lib/types';
import { DEFAULT_SETTINGS, loadSettings } from '@/lib/settings';
import type { CitationStyle } from '@/lib/cite/styles';
import type { CardServices } from '@/components/QuoteCard';
import {
  LIMITS,
  type CiteRequest,
  type CiteResponse,
  type QuoteDetailsRequest,
  type QuoteDetailsResponse,
  parseQuoteDetailsResponse,
} from '@/lib/messages';
import type {
  BackgroundRequest,
  ErrorResponse,
  PageResults,
  ResponseFor,
  SearchResponse,
  SourcesResponse,
  TabRequest,
} from '@/lib/messages';

async function ask<T extends BackgroundRequest>(request: T): Promise<ResponseFor[T['type']] | ErrorResponse> {
  try {
    const answer = (await browser.runtime.sendMessage(request)) as ResponseFor[T['type']] | ErrorResponse | undefined;
    return answer ?? { ok: false, error: 'No answer from the extension.' };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function pageResults(tabId: number): Promise<PageResults | null | ErrorResponse> {
  const answer = await ask({ type: 'page-results', op: 'get', tabId });
  if (!answer.ok) return answer;
  return 'results' in answer ? answer.results : null;
}

export function librarySources(): Promise<SourcesResponse | ErrorResponse> {
  return ask({ type: 'sources' });
}

export function searchLibrary(query: string, limit = 8): Promise<SearchResponse | ErrorResponse> {
  return ask({ type: 'search', query, limit });
}

export async function showOnPage(tabId: number, index: number): Promise<boolean> {
  const request: TabRequest = { type: 'show-quote', index };
  try {
    const answer = (await browser.tabs.sendMessage(tabId, request)) as { ok?: boolean } | undefined;
    return answer?.ok === true;
  } catch {
    return false;
  }
}

/** What the tab's card shows for one of its quotes; null when the tab does not answer or answers amiss. */
export async function quoteDetailsFromTab(tabId: number, index: number, text: string): Promise<QuoteDetailsResponse | null> {
  const request: QuoteDetailsRequest = { type: 'quote-details', index, text: text.slice(0, LIMITS.quoteChars) };
  try {
    return parseQuoteDetailsResponse(await browser.tabs.sendMessage(tabId, request));
  } catch {
    return null; // no content script there any more (the tab closed or went to a browser page)
  }
}

/** A quote checked again by the background, for the details of a popup row (the popup keeps no matches). */
export async function checkQuote(text: string, attribution: string | null): Promise<QuoteCheck | null> {
  const answer = await ask({ type: 'check', quotes: [{ text, attribution }] });
  return answer.ok ? (answer.checks[0] ?? null) : null;
}

export function citeSource(request: Omit<CiteRequest, 'type'>): Promise<CiteResponse | ErrorResponse> {
  return ask({ type: 'cite', ...request });
}

export function openOptions(): void {
  void ask({ type: 'open-options' });
}

export async function citationStyle(): Promise<CitationStyle> {
  try {
    return (await loadSettings(browser.storage.local)).citationStyle;
  } catch {
    return DEFAULT_SETTINGS.citationStyle;
  }
}

/** What the card's buttons need, for one source and span. */
export function servicesFor(
  style: CitationStyle,
  sourceId: string,
  span: { start: number; end: number } | null,
  quote: string | null,
  article: ArticleMeta | null,
): CardServices {
  return {
    style,
    addSource: openOptions,
    cite: (s) =>
      citeSource({
        sourceId,
        style: s,
        ...(span && span.end > span.start ? { span } : {}),
        ...(quote && quote.trim() && quote.length <= LIMITS.quoteChars ? { quote } : {}),
        ...(article ? { article } : {}),
      }),
  };
}
