// Mounts the quote card in a shadow root (page CSS cannot reach it) and keeps it beside its quote.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { browser } from 'wxt/browser';
import { QuoteCard, type CardQuote, type CardServices } from '@/components/QuoteCard';
import type { CiteAnswer } from '@/components/CitationActions';
import { UI_CSS } from '@/components/styles';
import { openingScroll, placeBeside } from '@/lib/page/hit-test';
import { readTextScale } from '@/lib/page/text-scale';
import type { ArticleMeta, QuoteCheck } from '@/lib/types';
import { type CiteRequest, LIMITS, type SourceInfo, articleForMessage } from '@/lib/messages';
import { DEFAULT_SETTINGS, loadSettings } from '@/lib/settings';
import type { CitationStyle } from '@/lib/cite/styles';

export const CARD_HOST_NAME = 'verbatim-card';
/** How near the top of the window a quote may be brought to make room for its card below it. */
const QUOTE_TOP_WHEN_SCROLLED = 72;

export interface CardContent {
  quote: CardQuote;
  check: QuoteCheck;
  sources: Record<string, SourceInfo>;
  librarySize: number;
  /** The article's metadata (site, author, date), for "Quoted in". */
  article?: ArticleMeta | null;
}

/** The card's requests to the background: citations (formatted there) and opening the options page. */
async function cardServices(content: CardContent): Promise<CardServices | undefined> {
  const match = content.check.match;
  let style: CitationStyle = DEFAULT_SETTINGS.citationStyle;
  try {
    style = (await loadSettings(browser.storage.local)).citationStyle;
  } catch {
    // Settings unreadable: the default style still cites.
  }
  const addSource = () => void browser.runtime.sendMessage({ type: 'open-options' }).catch(() => undefined);
  const cite = async (s: CitationStyle): Promise<CiteAnswer> => {
    if (!match) return { ok: false, error: 'nothing to cite' };
    const request: CiteRequest = { type: 'cite', sourceId: match.sourceId, style: s, span: { start: match.start, end: match.end } };
    const words = content.quote.text.trim();
    if (words && words.length <= LIMITS.quoteChars) request.quote = words;
    const article = articleForMessage(content.article);
    if (article) request.article = article;
    try {
      const answer = (await browser.runtime.sendMessage(request)) as CiteAnswer | undefined;
      return answer ?? { ok: false, error: 'No answer from the extension.' };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  };
  return { style, cite, addSource };
}

export class CardHost {
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private range: Range | null = null;
  private frame = 0;
  private returnFocus: HTMLElement | null = null;
  /** The reader's default text size over 16 px, applied to the card as zoom. */
  private scale = 1;

  constructor(private readonly ctx: ContentScriptContext) {
    const follow = () => this.schedulePosition();
    ctx.addEventListener(window, 'scroll', follow, { passive: true, capture: true });
    ctx.addEventListener(window, 'resize', follow, { passive: true });
    // Escape closes the card even when focus stayed in the page (inside the card's menu it closes the menu).
    ctx.addEventListener(document, 'keydown', (e: KeyboardEvent) => {
      const inMenu = e.composedPath().some((n) => n instanceof HTMLElement && n.getAttribute('role') === 'menu');
      if (e.key === 'Escape' && this.isOpen && !inMenu) this.close();
    }, { capture: true });
    // A press outside the card closes it; the click that opens a card comes after and reopens it.
    ctx.addEventListener(document, 'pointerdown', (e: PointerEvent) => {
      if (this.isOpen && !this.contains(e.target)) this.close(false);
    }, { capture: true });
  }

  get isOpen(): boolean {
    return this.ui !== null;
  }

  /** The element hosting the shadow root, so that observers can ignore the card's own changes. */
  get host(): HTMLElement | null {
    return this.ui?.shadowHost ?? null;
  }

  contains(target: EventTarget | null): boolean {
    const host = this.host;
    return !!host && target instanceof Node && (target === host || host.contains(target));
  }

  async open(content: CardContent, range: Range | null, focus: boolean): Promise<void> {
    // Stepping from card to card keeps the place the reader left: Escape goes back there, not to the last card.
    const earlier = this.isOpen ? this.returnFocus : null;
    this.close(false);
    if (focus) {
      const active = document.activeElement;
      this.returnFocus = earlier ?? (active instanceof HTMLElement && active !== document.body && !this.contains(active) ? active : null);
    }
    this.range = range;
    const services = await cardServices(content);
    const ui = await createShadowRootUi<HTMLElement>(this.ctx, {
      name: CARD_HOST_NAME,
      position: 'inline',
      anchor: document.documentElement,
      append: 'last',
      css: UI_CSS,
      onMount: (container) => {
        const wrapper = document.createElement('div');
        wrapper.className = 'vb-root';
        wrapper.style.cssText = 'position: fixed; z-index: 2147483647; left: 0; top: 0; visibility: hidden;';
        container.append(wrapper);
        this.scale = readTextScale(wrapper);
        wrapper.style.setProperty('--vb-text-scale', String(this.scale));
        render(
          <QuoteCard
            quote={content.quote}
            check={content.check}
            sources={content.sources}
            librarySize={content.librarySize}
            article={content.article ?? null}
            services={services}
            onClose={() => this.close()}
            autoFocus={focus}
          />,
          wrapper,
        );
        return wrapper;
      },
      onRemove: (wrapper) => {
        if (wrapper) render(null, wrapper);
      },
    });
    if (this.ui) this.ui.remove(); // another open() finished first
    this.ui = ui;
    ui.mount();
    ui.shadowHost.setAttribute('data-verbatim-card', 'open');
    this.position(true);
  }

  close(restoreFocus = true): void {
    if (!this.ui) return;
    cancelAnimationFrame(this.frame);
    this.ui.remove();
    this.ui = null;
    this.range = null;
    if (restoreFocus && this.returnFocus?.isConnected) this.returnFocus.focus();
    this.returnFocus = null;
  }

  private schedulePosition(): void {
    if (!this.ui) return;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.position());
  }

  /** Places the card; on opening it may scroll the page once so that quote and card both fit. */
  private position(opening = false): void {
    const wrapper = this.ui?.mounted;
    if (!wrapper) return;
    const card = wrapper.firstElementChild as HTMLElement | null;
    if (!card) return;
    card.style.maxHeight = ''; // measure the card at its natural height (its CSS cap still applies)
    const box = card.getBoundingClientRect();
    const rects = this.range ? Array.from(this.range.getClientRects()) : [];
    const first = rects[0];
    const last = rects[rects.length - 1];
    const target = first && last
      ? { left: first.left, top: first.top, bottom: last.bottom }
      : { left: window.innerWidth / 2 - box.width / 2, top: 80, bottom: 80 };
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    let place = placeBeside(target, box, viewport);
    if (opening && first) {
      const scroller = document.scrollingElement ?? document.documentElement;
      const by = openingScroll(target, box.height, viewport, {
        y: window.scrollY,
        max: scroller.scrollHeight - window.innerHeight,
      }, QUOTE_TOP_WHEN_SCROLLED);
      const before = window.scrollY;
      if (by !== 0) window.scrollBy({ top: by, behavior: 'instant' as ScrollBehavior });
      const moved = window.scrollY - before;
      if (moved !== 0) {
        const shifted = { left: target.left, top: target.top - moved, bottom: target.bottom - moved };
        place = placeBeside(shifted, box, viewport);
      }
    }
    // The card's own lengths are zoomed by the reader's text scale; the room measured here is not.
    card.style.maxHeight = `${Math.floor(place.maxHeight / this.scale)}px`;
    wrapper.style.left = `${Math.round(place.left)}px`;
    wrapper.style.top = `${Math.round(place.top)}px`;
    wrapper.style.visibility = 'visible';
  }
}
