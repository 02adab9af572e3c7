// The content script's work on one page: read the article, find its quotes, ask the background
// to check them, paint the verdicts, and answer clicks and the popup. The page's text nodes are
// never modified; the only things added to the page are one <style> and the card's host element.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extractArticle, offsetOf, rangeFor } from '@/lib/quotes/index';
import { queryFor } from '@/lib/quotes/query';
import type { Quote, QuoteCheck, QuoteQuery } from '@/lib/types';
import {
  type CheckResponse,
  type ErrorResponse,
  LIMITS,
  type PageQuote,
  type PageResults,
  type PageState,
  type QuoteDetailsResponse,
  type SourceInfo,
  articleForMessage,
  parseTabRequest,
  senderKind,
} from '@/lib/messages';
import {
  type PaintedQuote,
  STYLE_ELEMENT_ID,
  addHighlights,
  clearHighlights,
  installHighlightStyle,
  pageScheme,
  paintHighlights,
} from '@/lib/page/highlights';
import { batchBounds } from '@/lib/page/batches';
import { queryKey } from '@/lib/page/query-key';
import { ProgressiveDetection } from '@/lib/page/progressive';
import { isNearViewport } from '@/lib/page/viewport';
import { traceMark } from '@/lib/page/trace';
import { afterFirstFrame, afterPageSettled } from '@/lib/page/when-to-read';
import { caretAt, innermostSpanAt, rangeContainsPoint } from '@/lib/page/hit-test';
import { type StepDirection, stepQuote } from '@/lib/page/steps';
import { SETTINGS_KEY, loadSettings, parseSettings } from '@/lib/settings';
import { SLICE_MS, mapInSlices, pauseBehindTasks, pauseForPage } from '@/lib/page/slices';
import { CardHost } from './card-host';
import { listenForPageDocument } from './page-source';

type Article = ReturnType<typeof extractArticle>;

interface Item {
  quote: Quote;
  query: QuoteQuery;
  check: QuoteCheck;
  range: Range | null;
}

/** A quote made ready for its batch: its query, the key it is remembered by, and its range on the page. */
interface Prepared {
  quote: Quote;
  query: QuoteQuery;
  key: string;
  /** The query as sent (within the background's limits); null for a quote too long to send: it is shown unchecked. */
  bounded: QuoteQuery | null;
  range: Range | null;
}

/** Whether the article may hold quotes at all: quote marks that open a quote, or <q>/<blockquote>. */
function mayHoldQuotes(article: Article): boolean {
  return article.explicit.length > 0 || /[“"«„‘‹']/.test(article.text);
}

const NOT_CHECKED: QuoteCheck = { verdict: 'not_found', match: null, alsoIn: [] };
const RESCAN_DELAY_MS = 800;
/**
 * The least time between two paints of a page's highlights while its verdicts are coming in: the
 * first batch (about a screenful) is painted at once, the rest mostly together at the end.
 */
const PAINT_GAP_MS = 400;

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
  /** Whether this page is being read: from the start with automatic checking, else once the reader asks. */
  private active = false;
  private stopWatching: (() => void) | null = null;
  /** The quote last shown by a click, the popup or a keyboard step: where the next step starts. */
  private current: number | null = null;
  /** How many quotes this page has sent to the background, in all scans (each is sent once). */
  private sent = 0;
  /** How many scans have reached their quotes: a paint left waiting by an earlier scan is dropped. */
  private scans = 0;
  /** Whether this page has told the background it is being checked (once is enough to wake it). */
  private woke = false;
  /** The article as read while the settings were on their way, and the page's changes since. */
  private early: { article: Article; changes: MutationObserver } | null = null;

  constructor(private readonly ctx: ContentScriptContext) {
    this.card = new CardHost(ctx);
  }

  async start(): Promise<void> {
    traceMark('main');
    listenForRequests(this.ctx, this);
    // The settings come back from the browser process some milliseconds later: the article is read
    // meanwhile. What is read stays in this script; nothing is sent before the settings say that
    // the page is checked.
    const settings = loadSettings(browser.storage.local).then(
      (s) => s.autoCheck,
      () => true, // unreadable settings: the default (check automatically) holds
    );
    // After the page's first frame, so that reading the article never holds back its first paint.
    await afterFirstFrame();
    this.readEarly();
    // No quotes to be seen yet: the page may still be building its article in its own script, so
    // it is read again once it has settled rather than reported empty and read after its changes.
    if (this.early === null || !mayHoldQuotes(this.early.article)) {
      this.dropEarly();
      await afterPageSettled();
    }
    const autoCheck = await settings;
    traceMark('settings');
    if (autoCheck) await this.activate();
    else {
      this.dropEarly();
      this.wait();
    }
  }

  /** Reads the article now, and notes the page's changes from here on, so that a scan can tell whether the reading still holds. */
  private readEarly(): void {
    if (!document.body || this.ctx.isInvalid) return;
    const changes = new MutationObserver(() => undefined); // read with takeRecords() by the scan
    changes.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    try {
      traceMark('read');
      const article = extractArticle(document);
      traceMark('extracted');
      this.early = { article, changes };
    } catch {
      changes.disconnect(); // the scan reads the page again, and reports what went wrong
    }
  }

  private dropEarly(): void {
    this.early?.changes.disconnect();
    this.early = null;
  }

  /** The article read early, if the page has not changed since (once: later scans read the page). */
  private takeEarly(): Article | null {
    const early = this.early;
    if (!early) return null;
    const records = early.changes.takeRecords();
    this.dropEarly();
    const changed = records.some((m) => (m.type === 'attributes' ? !m.attributeName?.startsWith('data-verbatim') : this.isPageMutation(m)));
    return changed ? null : early.article;
  }

  /** Starts reading the page and following its changes, then checks it. */
  activate(): Promise<void> {
    if (!this.active) {
      this.active = true;
      this.stopWatching = watchPage(this.ctx, this);
    }
    return this.scan();
  }

  /** Reads nothing until the reader asks ("Check this page" in the popup, or a keyboard step). */
  private wait(): void {
    this.active = false;
    this.stopWatching?.();
    this.stopWatching = null;
    this.items = [];
    this.setCurrent(null);
    this.card.close(false);
    clearHighlights(window);
    this.setState('waiting');
  }

  /** Another page in the same document (single-page sites). */
  onLocationChange(autoCheck: boolean): void {
    this.setCurrent(null);
    if (autoCheck) this.scheduleScan();
    else this.wait(); // checking was asked for the page before, not for this one
  }

  get isActive(): boolean {
    return this.active;
  }

  /** Rescan soon, once changes settle (single-page sites, late-loading content). */
  scheduleScan(): void {
    if (!this.active) return;
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

  /** Whether this scan should stop: the script was unloaded, or the page went back to waiting. */
  private get stopped(): boolean {
    return this.ctx.isInvalid || !this.active;
  }

  /** Gives the page's main thread back between steps; false when the scan should stop. */
  private async pause(): Promise<boolean> {
    await pauseForPage();
    return !this.stopped;
  }

  /** As pause(), but behind the tasks already queued (the background's answers among them). */
  private async pauseBehind(): Promise<boolean> {
    await pauseBehindTasks();
    return !this.stopped;
  }

  // A long article (20,000 words, 300 quotes) takes some 150–300 ms of work here: each step runs
  // in its own task, and the per-quote steps in slices, so that no task holds the page for long.
  // The quotes go to the background in batches, the first one small, each sent as soon as it is
  // prepared: the background checks one while the next is made, and the first batch is painted as
  // soon as it is answered, so the first highlights come early.
  private async scanOnce(): Promise<void> {
    if (this.stopped) return;
    traceMark('scan');
    document.documentElement.setAttribute('data-verbatim-state', 'checking');
    let article = this.takeEarly();
    if (article === null) {
      if (!(await this.pause())) return;
      try {
        traceMark('read');
        article = extractArticle(document);
      } catch (err) {
        this.setState('error', `The page could not be read: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      traceMark('extracted');
    }
    this.article = article;
    if (!article.text.trim()) {
      this.items = [];
      clearHighlights(window);
      this.setState('no-article');
      return;
    }
    // The first report wakes a stopped service worker, which begins loading the library at once:
    // it is ready sooner if it starts while this script is still detecting the quotes.
    if (!this.woke && mayHoldQuotes(article)) {
      this.woke = true;
      void this.report('checking', null);
    }
    // The style goes in early, in a frame of its own: a new stylesheet makes the browser restyle the
    // whole page, which on a long page costs as much as painting the highlights themselves.
    installHighlightStyle(document, pageScheme(article.segments[0]?.node.parentElement ?? document.body));
    if (!(await this.pause())) return;
    const stopped = () => this.stopped;
    /** The background's answers, one per batch sent. */
    const answers: Promise<void>[] = [];
    // Detection yields between paragraphs, so that a long article never holds the page's main
    // thread, and it is run only as far as the next batch needs: the first batch is sent (and
    // checked by the background) while the later quotes are still being attributed. Once a batch
    // is out, pauses go behind queued tasks, so that its answer is painted as soon as it comes.
    const detection = new ProgressiveDetection(article.text, article.explicit);
    const run = {
      budgetMs: SLICE_MS,
      stopped,
      pause: () => (answers.length > 0 ? pauseBehindTasks() : pauseForPage()),
    };
    if (!(await detection.until(() => detection.quotes !== null, run))) return;
    const quotes = detection.quotes ?? [];
    traceMark('found');
    if (quotes.length > LIMITS.quotes) {
      // No news page quotes a thousand times: this one is a list, a data dump or written to hurt.
      this.items = [];
      clearHighlights(window);
      this.setState(
        'error',
        `This page has ${quotes.length.toLocaleString('en-GB')} quotations, more than the ` +
          `${LIMITS.quotes.toLocaleString('en-GB')} Verbatim checks on one page, so it was not checked.`,
      );
      return;
    }

    const generation = ++this.scans;
    const prepared: Prepared[] = [];
    const painted: boolean[] = [];
    /** Keys sent in this scan and not answered yet: a quote repeated later in the page waits for them. */
    const asked = new Set<string>();
    let failure: string | null = null;
    let paintedAny = false;
    // Paints every prepared quote whose verdict is known and that is not painted yet; the first
    // paint of a scan replaces the previous scan's highlights. `nearViewOnly`: while answers are
    // still coming in, a later paint waits (for the last one) unless a fresh quote is where the
    // reader is looking, since each change of the highlights redraws all of them.
    const paintKnown = (nearViewOnly = false) => {
      const fresh: number[] = [];
      prepared.forEach((p, i) => {
        if (painted[i] || (!this.checks.has(p.key) && p.bounded !== null)) return; // not answered yet (a quote too long to send has no check)
        fresh.push(i);
      });
      if (fresh.length === 0) return;
      const inView = (i: number) => {
        const range = prepared[i].range;
        return range !== null && isNearViewport(range, window.innerHeight);
      };
      if (nearViewOnly && paintedAny && !fresh.some(inView)) return;
      const quotes: PaintedQuote[] = fresh.map((i) => {
        painted[i] = true;
        const p = prepared[i];
        return { verdict: (this.checks.get(p.key) ?? NOT_CHECKED).verdict, short: p.quote.short, range: p.range };
      });
      if (!paintedAny) paintHighlights(window, quotes);
      else addHighlights(window, quotes);
      paintedAny = true;
      lastPaint = performance.now();
      traceMark(`painted:${paints++}`);
    };
    // Each change of the highlights makes the browser redraw all of them, which on a long page
    // takes tens of milliseconds of the page's main thread: after the first paint, answers are
    // gathered for PAINT_GAP_MS (a slow library still shows its progress where the reader looks).
    let paints = 0;
    let lastPaint = Number.NEGATIVE_INFINITY;
    let paintTimer: number | undefined;
    const paintSoon = () => {
      const wait = lastPaint + PAINT_GAP_MS - performance.now();
      if (wait <= 0) paintKnown(true);
      else if (paintTimer === undefined) {
        paintTimer = this.ctx.setTimeout(() => {
          paintTimer = undefined;
          if (!this.stopped && failure === null && generation === this.scans) paintKnown(true);
        }, wait);
      }
    };
    let batchNo = 0;
    for (const [from, to] of batchBounds(quotes.length)) {
      if (!(await detection.until(() => detection.ready >= to, run))) return;
      if (from === 0) traceMark('first-ready');
      // Detection's last slice and a later batch's preparing would otherwise share one task. The
      // first batch is small (a few ms to prepare) and goes out at once.
      if (from > 0 && performance.now() - detection.sliceStartedAt >= SLICE_MS / 2 && !(await this.pauseBehind())) return;
      const part = await mapInSlices(
        quotes.slice(from, to),
        (quote): Prepared => {
          const query = queryFor(article.text, quote);
          return { quote, query, key: queryKey(query), bounded: boundedQuery(query), range: rangeFor(article, quote.start, quote.end) };
        },
        { stopped, pause: pauseBehindTasks },
      );
      if (!part) return;
      prepared.push(...part);
      // Only quotes not checked before, and not already asked about in this scan, are sent.
      const missing = new Map<string, QuoteQuery>();
      for (const p of part) {
        if (p.bounded === null || this.checks.has(p.key) || asked.has(p.key) || missing.has(p.key)) continue;
        missing.set(p.key, p.bounded);
      }
      if (missing.size > 0) {
        const batch = batchNo++;
        for (const key of missing.keys()) asked.add(key);
        this.sent += missing.size;
        document.documentElement.setAttribute('data-verbatim-sent', String(this.sent));
        traceMark(`sent:${batch}`);
        answers.push(
          this.ask(missing).then((error) => {
            traceMark(`answered:${batch}`);
            if (error !== null) failure ??= error;
            else if (!this.stopped && failure === null) paintSoon();
          }),
        );
      } else {
        paintSoon();
      }
      await pauseBehindTasks(); // answers that came meanwhile are painted first
      if (this.stopped) return;
    }
    if (!(await detection.until(() => false, run))) return; // its last steps, if any
    traceMark('detected');
    await Promise.all(answers);
    if (paintTimer !== undefined) clearTimeout(paintTimer); // the last paint follows, below
    paintTimer = undefined;
    if (!this.active) return; // the reader left for another page meanwhile
    if (failure !== null) {
      this.setState('error', failure);
      return;
    }
    if (!(await this.pause())) return;

    this.items = prepared.map((p) => ({ quote: p.quote, query: p.query, check: this.checks.get(p.key) ?? NOT_CHECKED, range: p.range }));
    const firstQuote = this.items.find((i) => i.range)?.range?.startContainer.parentElement ?? document.body;
    installHighlightStyle(document, pageScheme(firstQuote));
    if (paintedAny) paintKnown();
    else paintHighlights(window, this.items.map((item) => ({ verdict: item.check.verdict, short: item.quote.short, range: item.range })));
    document.documentElement.setAttribute('data-verbatim-quotes', String(this.items.length));
    // The popup's copy is sent in a task of its own, after the highlights are painted.
    document.documentElement.setAttribute('data-verbatim-state', 'done');
    traceMark('done');
    if (!(await this.pause())) return;
    void this.report('done', null);
  }

  /** Asks the background to check one batch; null once its verdicts are stored, else what went wrong. */
  private async ask(missing: Map<string, QuoteQuery>): Promise<string | null> {
    let answer: CheckResponse | ErrorResponse | undefined;
    try {
      answer = (await browser.runtime.sendMessage({ type: 'check', quotes: [...missing.values()] })) as CheckResponse | ErrorResponse | undefined;
    } catch {
      answer = undefined;
    }
    if (!answer || !answer.ok || answer.checks.length !== missing.size) {
      return answer && !answer.ok ? answer.error : 'The library did not answer.';
    }
    [...missing.keys()].forEach((key, i) => this.checks.set(key, answer.checks[i]));
    Object.assign(this.sources, answer.sources);
    this.librarySize = answer.librarySize;
    return null;
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
      article: articleForMessage(this.article?.meta),
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

  /**
   * What the card shows for quote `index`, for the popup's row: the same check, its sources and the
   * article's metadata. Null when the page no longer has that quote there (it changed since).
   */
  async quoteDetails(index: number, text: string): Promise<QuoteDetailsResponse | null> {
    if (this.scanning) await this.scanning;
    const item = this.items[index];
    if (!item || item.quote.text.slice(0, LIMITS.quoteChars) !== text) return null;
    const ids = [item.check.match?.sourceId, ...item.check.alsoIn.map((a) => a.sourceId)];
    const sources: Record<string, SourceInfo> = {};
    for (const id of ids) if (id && this.sources[id]) sources[id] = this.sources[id];
    return { ok: true, check: item.check, sources, librarySize: this.librarySize, article: articleForMessage(this.article?.meta) };
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
    this.setCurrent(index);
    return this.openCard(index, true);
  }

  /** The quote shown last, also marked on <html> so that the page's state can be read from outside. */
  private setCurrent(index: number | null): void {
    this.current = index;
    if (index === null) document.documentElement.removeAttribute('data-verbatim-current');
    else document.documentElement.setAttribute('data-verbatim-current', String(index));
  }

  /** Shows the next or previous quote in reading order (wrapping), checking the page first if needed. */
  async step(direction: StepDirection): Promise<boolean> {
    if (!this.active) await this.activate();
    else if (this.scanning) await this.scanning;
    const stops = this.items.flatMap((item, index) => (item.range ? [{ index, start: item.quote.start }] : []));
    const next = stepQuote(stops, this.current, direction);
    return next >= 0 ? this.showQuote(next) : false;
  }

  onClick(e: MouseEvent): void {
    if (e.button !== 0 || this.card.contains(e.target)) return;
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return; // the reader is selecting text, not asking
    const index = this.quoteAtPoint(e.clientX, e.clientY);
    if (index < 0) return;
    this.setCurrent(index);
    void this.openCard(index, true);
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

/** Clicks and DOM changes, followed only while the page is being checked; returns how to stop. */
function watchPage(ctx: ContentScriptContext, checker: PageChecker): () => void {
  const observer = new MutationObserver((mutations) => {
    if (mutations.some((m) => checker.isPageMutation(m))) checker.scheduleScan();
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
  return () => observer.disconnect();
}

/** Requests from the extension (popup, keyboard commands) and the page events the checker answers. */
function listenForRequests(ctx: ContentScriptContext, checker: PageChecker): void {
  ctx.addEventListener(document, 'click', (e: MouseEvent) => {
    if (checker.isActive) checker.onClick(e);
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    void loadSettings(browser.storage.local)
      .then((s) => s.autoCheck, () => true)
      .then((autoCheck) => checker.onLocationChange(autoCheck));
  });

  const onMessage = (message: unknown, sender: { id?: string; url?: string; tab?: { id?: number } }) => {
    const extensionOrigin = browser.runtime.getURL('/').replace(/\/+$/, '');
    if (senderKind(sender, browser.runtime.id, extensionOrigin) !== 'extension-page') return undefined;
    const request = parseTabRequest(message);
    if (!request) return undefined;
    switch (request.type) {
      case 'show-quote':
        return checker.showQuote(request.index).then((shown) => ({ ok: shown }));
      case 'step-quote':
        return checker.step(request.direction).then((shown) => ({ ok: shown }));
      case 'check-page':
        return checker.activate().then(() => ({ ok: true }));
      case 'quote-details':
        return checker
          .quoteDetails(request.index, request.text)
          .then((answer) => answer ?? { ok: false, error: 'That quote is no longer on the page.' });
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  // Settings changed while the page is open: switching automatic checking on checks a page that was
  // waiting; switching it off leaves a checked page as it is (the reader can still read its verdicts).
  const onSettings = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    if (parseSettings(changes[SETTINGS_KEY].newValue).autoCheck && !checker.isActive) void checker.activate();
  };
  browser.storage.onChanged.addListener(onSettings);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onSettings));

  listenForPageDocument(ctx);
}
