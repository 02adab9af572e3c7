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

/** Node's ports can also be left out of what keeps its process alive. */
type Port = MessagePort & { ref?: () => void; unref?: () => void };

/** The channel whose messages end the pauses behind queued tasks, and the pauses waiting on it, in order. */
let behind: { receiver: Port; sender: MessagePort; waiting: (() => void)[] } | null = null;

/**
 * A pause behind the tasks already queued: a plain task (a message posted to a channel), not
 * `scheduler.yield`, whose continuation runs ahead of them. Used while the background's answers
 * are coming in, so that each is painted as soon as it arrives. One channel serves every pause:
 * a fresh channel for each costs two ports, set up and closed again (about three times the time
 * of a message, in a page).
 */
export function pauseBehindTasks(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resume) => setTimeout(resume, 0));
  if (behind === null) {
    const channel = new MessageChannel();
    const receiver: Port = channel.port1;
    const waiting: (() => void)[] = [];
    // Each message ends the oldest pause: messages arrive in the order they were posted. In Node
    // the channel holds the process open only while a pause waits on it.
    receiver.onmessage = () => {
      waiting.shift()?.();
      if (waiting.length === 0) receiver.unref?.();
    };
    receiver.unref?.();
    behind = { receiver, sender: channel.port2, waiting };
  }
  const { receiver, sender, waiting } = behind;
  return new Promise((resume) => {
    waiting.push(resume);
    receiver.ref?.();
    sender.postMessage(null);
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
