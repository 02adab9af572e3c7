// Long pages in small steps: work that could hold the page's main thread for more than a frame
// is cut into slices, with a pause between them so that the page keeps scrolling and answering input.

/** A pause that lets the browser run other tasks (input, rendering) before the work goes on. */
export type Pause = () => Promise<void>;

/** The browser's own yield where it has one (`scheduler.yield`), else a zero-delay timeout. */
export function pauseForPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resume) => setTimeout(resume, 0));
}

/**
 * A pause behind the tasks already queued: a plain task (a message on a fresh channel), not
 * `scheduler.yield`, whose continuation runs ahead of them. Used while the background's answers
 * are coming in, so that each is painted as soon as it arrives.
 */
export function pauseBehindTasks(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resume) => setTimeout(resume, 0));
  return new Promise((resume) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resume();
    };
    channel.port2.postMessage(null);
  });
}

/** How long one slice may run, in ms: well under the 50 ms at which a task counts as long. */
export const SLICE_MS = 12;

/**
 * `items.map(fn)`, pausing whenever a slice has run for `budgetMs`. `stopped` is asked after each
 * pause: when it answers true the work is abandoned and null is returned.
 */
export async function mapInSlices<T, U>(
  items: readonly T[],
  fn: (item: T, index: number) => U,
  options: { pause?: Pause; budgetMs?: number; now?: () => number; stopped?: () => boolean } = {},
): Promise<U[] | null> {
  const pause = options.pause ?? pauseForPage;
  const budget = options.budgetMs ?? SLICE_MS;
  const now = options.now ?? (() => performance.now());
  const out: U[] = [];
  let sliceStart = now();
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && now() - sliceStart >= budget) {
      await pause();
      if (options.stopped?.()) return null;
      sliceStart = now();
    }
    out.push(fn(items[i], i));
  }
  return out;
}
