// Stepping from quote to quote with the keyboard: the next or previous quote in reading order,
// wrapping at either end.

export type StepDirection = 'next' | 'previous';

export interface Stop {
  index: number; // the quote's position in the page's list
  start: number; // its offset in the article text: reading order
}

/**
 * The index of the quote to show after `current` (an index, or null when none is shown yet).
 * With no current quote, 'next' starts at the first and 'previous' at the last. -1 when there is none.
 */
export function stepQuote(stops: readonly Stop[], current: number | null, direction: StepDirection): number {
  if (stops.length === 0) return -1;
  const order = [...stops].sort((a, b) => a.start - b.start || a.index - b.index);
  const at = current === null ? -1 : order.findIndex((s) => s.index === current);
  if (at < 0) return direction === 'next' ? order[0].index : order[order.length - 1].index;
  const n = order.length;
  const to = direction === 'next' ? (at + 1) % n : (at - 1 + n) % n;
  return order[to].index;
}
