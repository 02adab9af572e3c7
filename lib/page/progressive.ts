// Quote detection that a caller can wait on in parts: the page's first quotes are sent to be
// checked while the later ones are still being attributed, so that the background's checking
// overlaps the content script's own work instead of following it.
import { type ExplicitQuote, detectQuotesInSteps } from '../quotes/index';
import type { Steps } from '../quotes/steps';
import type { Quote } from '../types';

export interface RunOptions {
  /** Lets the page run (input, rendering, the background's answers) before the work goes on. */
  pause: () => Promise<void>;
  /** How long one slice may run, in ms, before it pauses. */
  budgetMs: number;
  /** Asked after each pause: true abandons the work. */
  stopped?: () => boolean;
  now?: () => number;
}

export class ProgressiveDetection {
  private list: readonly Quote[] | null = null;
  private final = 0;
  private ended = false;
  private sliceStart = 0;
  private readonly steps: Steps<Quote[]>;

  constructor(text: string, explicit: ExplicitQuote[] = []) {
    this.steps = detectQuotesInSteps(text, explicit, (quotes, ready) => {
      this.list = quotes;
      this.final = ready;
    });
  }

  /** Every quote of the page, in detectQuotes' order, once the list is known (null before). */
  get quotes(): readonly Quote[] | null {
    return this.list;
  }

  /** How many of the first quotes are final (attributed); all of them once detection has ended. */
  get ready(): number {
    return this.final;
  }

  get finished(): boolean {
    return this.ended;
  }

  /**
   * When the last call of `until` began its current slice (its start, or its last pause): work
   * that follows in the same task should count from there.
   */
  get sliceStartedAt(): number {
    return this.sliceStart;
  }

  /**
   * Runs detection in slices until `enough()` holds or detection has ended. False when `stopped`
   * answered true after a pause (the work is abandoned), true otherwise.
   */
  async until(enough: () => boolean, options: RunOptions): Promise<boolean> {
    const now = options.now ?? (() => performance.now());
    this.sliceStart = now();
    while (!this.ended && !enough()) {
      if (now() - this.sliceStart >= options.budgetMs) {
        await options.pause();
        if (options.stopped?.()) return false;
        this.sliceStart = now();
      }
      const step = this.steps.next();
      if (step.done) {
        this.ended = true;
        this.list = step.value;
        this.final = step.value.length;
      }
    }
    return true;
  }
}
