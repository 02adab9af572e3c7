// When the content script reads the page. It starts at document_end: the DOM is whole, but the
// page may not have been drawn yet (a page whose HTML came in one piece is laid out for the first
// time after DOMContentLoaded), and a page that builds its article in its own script may not have
// built it yet.
// - Reading the article before the first frame would put the script's reading ahead of the page's
//   first paint, so the script waits for that frame. A page that was drawn already, or that is not
//   shown (a tab opened in the background draws no frames), is read at once.
// - A page with no quotes to be seen then is read again once it has settled: at its load event or
//   PAGE_SETTLED_MS later, whichever comes first, as Chrome's document_idle would have waited.
import { pauseBehindTasks, pauseForPage } from './slices';

/** The longest wait for the first frame: a page that has not drawn by then is read anyway. */
export const FIRST_FRAME_WAIT_MS = 100;
/** The longest wait for a page without quotes yet to settle (Chrome's own for document_idle). */
export const PAGE_SETTLED_MS = 200;

/** What the waits read of the page; the browser's own by default. */
export interface PageSignals {
  /** Whether the page has painted (Paint Timing's first-paint entry is there). */
  painted(): boolean;
  /** Whether the page is out of sight, where no frame comes. */
  hidden(): boolean;
  /** Whether the page's load event has fired. */
  loaded(): boolean;
  /** Runs `then` when the next frame is drawn (requestAnimationFrame). */
  nextFrame(then: () => void): void;
  /** Runs `then` once, at the page's load event. */
  onLoad(then: () => void): void;
  setTimeout(then: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

function browserSignals(): PageSignals {
  return {
    painted: () => performance.getEntriesByType('paint').length > 0,
    hidden: () => document.visibilityState === 'hidden',
    loaded: () => document.readyState === 'complete',
    nextFrame: (then) => requestAnimationFrame(() => then()),
    onLoad: (then) => window.addEventListener('load', () => then(), { once: true }),
    setTimeout: (then, ms) => setTimeout(then, ms),
    clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  };
}

/** Resolves when `start` calls the `done` it is given, or after `ms` milliseconds, whichever comes first. */
function firstOf(signals: PageSignals, ms: number, start: (done: () => void) => void): Promise<void> {
  return new Promise((resume) => {
    // Whichever comes second finds the promise settled: resolving it again does nothing.
    const finish = () => {
      signals.clearTimeout(timer);
      resume();
    };
    const timer = signals.setTimeout(finish, ms);
    start(finish);
  });
}

/**
 * Resolves in a task after the page's first frame: at once (in a task of its own) when the page
 * has painted or is hidden, else after the next frame and the task behind it, or after
 * FIRST_FRAME_WAIT_MS, whichever comes first.
 */
export function afterFirstFrame(signals: PageSignals = browserSignals()): Promise<void> {
  if (signals.painted() || signals.hidden()) return pauseForPage();
  // requestAnimationFrame runs just before the frame is drawn: a task posted from it runs after.
  return firstOf(signals, FIRST_FRAME_WAIT_MS, (done) => signals.nextFrame(() => void pauseBehindTasks().then(done)));
}

/** Resolves at the page's load event (at once if it has fired) or after PAGE_SETTLED_MS, whichever comes first. */
export function afterPageSettled(signals: PageSignals = browserSignals()): Promise<void> {
  if (signals.loaded()) return pauseForPage();
  return firstOf(signals, PAGE_SETTLED_MS, (done) => signals.onLoad(done));
}
