// Where the reader is looking: each change of a page's highlights makes the browser redraw all of
// them (on a long page a frame of tens of milliseconds), so while verdicts are still coming in, a
// change is only worth it for quotes the reader can see or is about to scroll to.

/** What is read of a quote's place on the page (a Range has it). */
export interface Placed {
  getBoundingClientRect(): { top: number; bottom: number; width: number; height: number };
}

/**
 * Whether `placed` is on screen or within `margin` px of it (one screen by default). A quote that
 * is not laid out (hidden, detached) has an empty box and is not near.
 */
export function isNearViewport(placed: Placed, viewportHeight: number, margin = viewportHeight): boolean {
  const box = placed.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return false;
  return box.bottom >= -margin && box.top <= viewportHeight + margin;
}
