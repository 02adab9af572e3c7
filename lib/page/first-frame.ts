// The content script starts at document_end: the DOM is whole, but the page may not have been drawn
// yet (a page whose HTML came in one piece is laid out for the first time after DOMContentLoaded).
// Reading the article then would put the script's reading ahead of the page's first paint, so the
// script waits for that first frame. A page that was drawn already, or that is not shown (a tab
// opened in the background draws no frames), is read at once.
import { pauseBehindTasks, pauseForPage } from './slices';

/** The longest wait for the first frame: a page that has not drawn by then is read anyway. */
export const FIRST_FRAME_WAIT_MS = 100;

/** What the wait reads of the page; the browser's own by default. */
export interface FrameSignals {
  /** Whether the page has painted (Paint Timing's first-paint entry is there). */
  painted(): boolean;
  /** Whether the page is out of sight, where no frame comes. */
  hidden(): boolean;
  /** Runs `then` when the next frame is drawn (requestAnimationFrame). */
  nextFrame(then: () => void): void;
  setTimeout(then: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

function browserSignals(): FrameSignals {
  return {
    painted: () => performance.getEntriesByType('paint').length > 0,
    hidden: () => document.visibilityState === 'hidden',
    nextFrame: (then) => requestAnimationFrame(() => then()),
    setTimeout: (then, ms) => setTimeout(then, ms),
    clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  };
}

/**
 * Resolves in a task after the page's first frame: at once (in a task of its own) when the page
 * has painted or is hidden, else after the next frame and the task behind it, or after
 * FIRST_FRAME_WAIT_MS, whichever comes first.
 */
export function afterFirstFrame(signals: FrameSignals = browserSignals()): Promise<void> {
  if (signals.painted() || signals.hidden()) return pauseForPage();
  return new Promise((resume) => {
    // Whichever comes second finds the promise settled: resolving it again does nothing.
    const finish = () => {
      signals.clearTimeout(timer);
      resume();
    };
    const timer = signals.setTimeout(finish, FIRST_FRAME_WAIT_MS);
    // requestAnimationFrame runs just before the frame is drawn: a task posted from it runs after.
    signals.nextFrame(() => void pauseBehindTasks().then(finish));
  });
}
