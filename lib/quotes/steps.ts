// Work in steps: a generator that yields between small units of work (a paragraph, a few
// quotes) and returns its result, so that a caller on a page's main thread can pause between
// steps and never hold the thread for long. Run to the end at once it is a plain function call.

/** A computation that yields (nothing) at each point where it may be paused, and returns T. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once and returns the result. */
export function finish<T>(steps: Steps<T>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

export interface SliceOptions {
  /** Lets the page run (input, rendering) before the work goes on; a zero-delay timeout by default. */
  pause?: () => Promise<void>;
  /** How long one slice may run, in ms, before it pauses (10 by default). */
  budgetMs?: number;
  now?: () => number;
  /** Asked after each pause: true abandons the work, and null is returned. */
  stopped?: () => boolean;
}

const defaultPause = (): Promise<void> => new Promise((resume) => setTimeout(resume, 0));

/** Runs the steps in slices of at most about `budgetMs`, pausing between slices. */
export async function finishInSlices<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T | null> {
  const pause = options.pause ?? defaultPause;
  const budget = options.budgetMs ?? 10;
  const now = options.now ?? (() => performance.now());
  let sliceStart = now();
  let r = steps.next();
  while (!r.done) {
    if (now() - sliceStart >= budget) {
      await pause();
      if (options.stopped?.()) return null;
      sliceStart = now();
    }
    r = steps.next();
  }
  return r.value;
}
