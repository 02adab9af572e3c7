// The content script's work on one page: read the article, find its quotes, ask the background
// to check them, paint the verdicts, and answer clicks and the popup. The page's text nodes are
// never modified; the only things added to the page are one <style> and the card's host element.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectQuotes, extractArticle, offsetOf, rangeFor } from '@/lib/quotes/index';
import { queryFor } from '@/lib/check-article';
import type { Quote, QuoteCheck, QuoteQuery } from '@/lib/types';
import {
  type CheckResponse,
  type ErrorResponse,
  LIMITS,
  type PageQuote,
  type PageResults,
  type PageState,
  type SourceInfo,
  parseTabRequest,
  senderKind,
} from '@/lib/messages';
import { STYLE_ELEMENT_ID, clearHighlights, installHighlightStyle, pageScheme, paintHighlights } from '@/lib/page/highlights';
import { caretAt, innermostSpanAt, rangeContainsPoint } from '@/lib/page/hit-test';
import { CardHost } from './card-host';

type Article = ReturnType<typeof extractArticle>;

interface Item {
  quote: Quote;
  query: QuoteQuery;
  check: QuoteCheck;
  range: Range | null;
}

const NOT_CHECKED: QuoteCheck = { verdict: 'not_found', match: null, alsoIn: [] };
const RESCAN_DELAY_MS = 800;

function queryKey(q: QuoteQuery): string {
  return JSON.stringify([q.text, q.attribution ?? null, q.before ?? '', q.after ?? '']);
}

/** Keeps a query within what the background accepts; an overlong quote is not sent at all. */
function boundedQuery(q: QuoteQuery): QuoteQuery | null {
  if (q.text.length > LIMITS.quoteChars || !q.text.trim()) return null;
  return {
    text: q.text,
    attribution: q.attribution ? q.attribution.slice(0, LIMITS.attributionChars) : null,
    before: (q.before ?? '').slice(-LIMITS.contextChars),
    after: (q.after ?? '').slice(0, LIMITS.contextChars),
  };
}

export class PageChecker {
  private article: Article | null = null;
  private items: Item[] = [];
  private checks = new Map<string, QuoteCheck>();
  private sources: Record<string, SourceInfo> = {};
  private librarySize = 0;
  private scanning: Promise<void> | null = null;
  private again = false;
  private timer: number | undefined;
  private readonly card: CardHost;

  constructor(private readonly ctx: ContentScriptContext) {
    this.card = new CardHost(ctx);
  }

  start(): void {
    listen(this.ctx, this);
    void this.scan();
  }

  /** Rescan soon, once changes settle (single-page sites, late-loading content). */
  scheduleScan(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = this.ctx.setTimeout(() => {
      this.timer = undefined;
      void this.scan();
    }, RESCAN_DELAY_MS);
  }

  scan(): Promise<void> {
    if (this.scanning) {
      this.again = true;
      return this.scanning;
    }
    this.scanning = (async () => {
      try {
        do {
          this.again = false;
          await this.scanOnce();
        } while (this.again && !this.ctx.isInvalid);
      } finally {
        this.scanning = null;
      }
    })();
    return this.scanning;
  }

  private setState(state: PageState, error: string | null = null): void {
    document.documentElement.setAttribute('data-verbatim-state', state);
    void this.report(state, error);
  }

  private async scanOnce(): Promise<void> {
    if (this.ctx.isInvalid) return;
    document.documentElement.setAttribute('data-verbatim-state', 'checking');
    let article: Article;
    try {
      article = extractArticle(document);
    } catch (err) {
      this.setState('error', `The page could not be read: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    this.article = article;
    if (!article.text.trim()) {
      this.items = [];
      clearHighlights(window);
      this.setState('no-article');
      return;
    }
    const quotes = detectQuotes(article.text, article.explicit);
    const queries = quotes.map((q) => queryFor(article.text, q));

    // Only quotes not checked before go to the background.
    const missing = new Map<string, QuoteQuery>();
    for (const q of queries) {
      const bounded = boundedQuery(q);
      if (!bounded) continue;
      const key = queryKey(q);
      if (!this.checks.has(key) && !missing.has(key)) missing.set(key, bounded);
    }
    if (missing.size > 0) {
      if (this.items.length === 0) void this.report('checking', null);
      const answer = (await browser.runtime.sendMessage({ type: 'check', quotes: [...missing.values()] })) as
        | CheckResponse
        | ErrorResponse
        | undefined;
      if (!answer || !answer.ok || answer.checks.length !== missing.size) {
        this.setState('error', answer && !answer.ok ? answer.error : 'The library did not answer.');
        return;
      }
      [...missing.keys()].forEach((key, i) => this.checks.set(key, answer.checks[i]));
      Object.assign(this.sources, answer.sources);
      this.librarySize = answer.librarySize;
    }

    this.items = quotes.map((quote, i) => ({
      quote,
      query: queries[i],
      check: this.checks.get(queryKey(queries[i])) ?? NOT_CHECKED,
      range: rangeFor(article, quote.start, quote.end),
    }));
    const firstQuote = this.items.find((i) => i.range)?.range?.startContainer.parentElement ?? document.body;
    installHighlightStyle(document, pageScheme(firstQuote));
    paintHighlights(
      window,
      this.items.map((item) => ({ verdict: item.check.verdict, short: item.quote.short, range: item.range })),
    );
    document.documentElement.setAttribute('data-verbatim-quotes', String(this.items.length));
    this.setState('done');
  }

  private async report(state: PageState, error: string | null): Promise<void> {
    if (this.ctx.isInvalid) return;
    const quotes: PageQuote[] = this.items.map((item, index) => ({
      index,
      text: item.quote.text.slice(0, LIMITS.quoteChars),
      words: item.quote.words,
      short: item.quote.short,
      attribution: item.quote.attribution ? item.quote.attribution.slice(0, LIMITS.attributionChars) : null,
      verdict: item.check.verdict,
      sourceId: item.check.match?.sourceId ?? null,
      alsoIn: item.check.alsoIn.map((a) => ({ sourceId: a.sourceId, verdict: a.verdict })),
    }));
    const results: PageResults = {
      url: location.href.slice(0, LIMITS.urlChars),
      title: (this.article?.meta.title ?? document.title ?? '').slice(0, LIMITS.titleChars) || null,
      state,
      error: error ? error.slice(0, LIMITS.titleChars) : null,
      quotes,
      sources: this.sources,
      librarySize: this.librarySize,
    };
    try {
      await browser.runtime.sendMessage({ type: 'page-results', op: 'set', results });
    } catch {
      // The popup's copy is a convenience: a failed report does not stop the page's highlights.
    }
  }

  /** The quote under a click, if the click landed on its text. */
  quoteAtPoint(x: number, y: number): number {
    const article = this.article;
    if (!article || this.items.length === 0) return -1;
    const caret = caretAt(document, x, y);
    if (!caret) return -1;
    const offset = offsetOf(article, caret.node, caret.offset);
    if (offset === null) return -1;
    const index = innermostSpanAt(this.items.map((i) => i.quote), offset);
    if (index < 0) return -1;
    const range = this.items[index].range;
    return range && rangeContainsPoint(range, x, y) ? index : -1;
  }

  async openCard(index: number, focus: boolean): Promise<boolean> {
    const item = this.items[index];
    if (!item) return false;
    await this.card.open(
      {
        quote: { text: item.quote.text, attribution: item.quote.attribution, short: item.quote.short },
        check: item.check,
        sources: this.sources,
        librarySize: this.librarySize,
        article: this.article?.meta ?? null,
      },
      item.range,
      focus,
    );
    return true;
  }

  async showQuote(index: number): Promise<boolean> {
    const item = this.items[index];
    if (!item) return false;
    const anchor = item.range?.startContainer.parentElement;
    anchor?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    return this.openCard(index, true);
  }

  onClick(e: MouseEvent): void {
    if (e.button !== 0 || this.card.contains(e.target)) return;
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return; // the reader is selecting text, not asking
    const index = this.quoteAtPoint(e.clientX, e.clientY);
    if (index >= 0) void this.openCard(index, true);
  }

  /** Whether a mutation is the page's own, not the card's or the highlight style's. */
  isPageMutation(m: MutationRecord): boolean {
    const host = this.card.host;
    const ours = (n: Node) =>
      (host !== null && (n === host || host.contains(n))) ||
      (n instanceof HTMLElement && (n.id === STYLE_ELEMENT_ID || n.localName === 'verbatim-card'));
    if (ours(m.target)) return false;
    if (m.type === 'childList') {
      const changed = [...Array.from(m.addedNodes), ...Array.from(m.removedNodes)];
      if (changed.length > 0 && changed.every(ours)) return false;
    }
    return true;
  }
}

/** The page events, DOM changes and popup requests the checker answers. */
function listen(ctx: ContentScriptContext, checker: PageChecker): void {
  ctx.addEventListener(document, 'click', (e: MouseEvent) => checker.onClick(e));
  ctx.addEventListener(window, 'wxt:locationchange', () => checker.scheduleScan());

  const observer = new MutationObserver((mutations) => {
    if (mutations.some((m) => checker.isPageMutation(m))) checker.scheduleScan();
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());

  // The popup asks a tab to show one of its quotes.
  const onMessage = (message: unknown, sender: { id?: string; url?: string; tab?: { id?: number } }) => {
    const extensionOrigin = browser.runtime.getURL('/').replace(/\/+$/, '');
    if (senderKind(sender, browser.runtime.id, extensionOrigin) !== 'extension-page') return undefined;
    const request = parseTabRequest(message);
    if (!request) return undefined;
    return checker.showQuote(request.index).then((shown) => ({ ok: shown }));
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
