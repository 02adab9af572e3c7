// From a click to the quote under it: the caret position at the point, then the quote whose span
// holds that position, confirmed against the quote's on-screen boxes (a caret is always "somewhere",
// even when the click landed in a margin).

export interface Caret {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretAt(doc: Document, x: number, y: number): Caret | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint(x, y);
    if (pos) return { node: pos.offsetNode, offset: pos.offset };
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    if (range) return { node: range.startContainer, offset: range.startOffset };
  }
  return null;
}

export interface Span {
  start: number;
  end: number;
}

/** The innermost span that holds `offset` (nested quotes: the inner one), as an index, or -1. */
export function innermostSpanAt(spans: readonly Span[], offset: number): number {
  let best = -1;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    if (offset < s.start || offset > s.end) continue;
    if (best < 0 || s.end - s.start < spans[best].end - spans[best].start) best = i;
  }
  return best;
}

/** Whether (x, y) falls inside one of the range's boxes, with a little slack for line gaps. */
export function rangeContainsPoint(range: Range, x: number, y: number, slack = 2): boolean {
  for (const r of Array.from(range.getClientRects())) {
    if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack) return true;
  }
  return false;
}

export interface Placement {
  left: number;
  top: number;
  maxHeight: number; // the card scrolls inside this height so that it never covers its quote
}

/**
 * Where to put a card next to a target box, inside the viewport: below the target if the card
 * fits there, else above, else on the roomier side with its height capped to that room. Only when
 * neither side has `minHeight` of room does the card overlap the target.
 */
export function placeBeside(
  target: { left: number; top: number; bottom: number },
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 8,
  minHeight = 180,
): Placement {
  const margin = 8;
  const left = Math.min(Math.max(margin, target.left), Math.max(margin, viewport.width - card.width - margin));
  const roomBelow = viewport.height - margin - (target.bottom + gap);
  const roomAbove = target.top - gap - margin;
  if (card.height <= roomBelow) return { left, top: target.bottom + gap, maxHeight: roomBelow };
  if (card.height <= roomAbove) return { left, top: target.top - gap - card.height, maxHeight: roomAbove };
  if (Math.max(roomBelow, roomAbove) >= minHeight) {
    return roomBelow >= roomAbove
      ? { left, top: target.bottom + gap, maxHeight: roomBelow }
      : { left, top: margin, maxHeight: roomAbove };
  }
  const maxHeight = viewport.height - 2 * margin;
  return { left, top: Math.max(margin, viewport.height - Math.min(card.height, maxHeight) - margin), maxHeight };
}

/**
 * How far to scroll the page (positive: down, so the quote moves up) when a card opens and fits
 * whole on neither side of its quote: the smaller of the two movements that make it fit, above or
 * below, as far as the page can scroll, the quote staying on screen and no higher than `quoteTop`
 * (where a site's sticky header may cover it). When neither movement can
 * make it fit, the quote is brought up to `quoteTop` so the room below is as large as it can be.
 * The gap and margin are placeBeside's.
 */
export function openingScroll(
  target: { top: number; bottom: number },
  cardHeight: number,
  viewport: { height: number },
  scroll: { y: number; max: number },
  quoteTop: number,
  gap = 8,
): number {
  const margin = 8;
  const slack = 4; // rounding of layout boxes
  const roomBelow = viewport.height - margin - (target.bottom + gap);
  const roomAbove = target.top - gap - margin;
  if (cardHeight <= roomBelow || cardHeight <= roomAbove) return 0;
  const up = Math.ceil(cardHeight - roomBelow + slack); // scroll down by this: room below grows
  const down = Math.ceil(cardHeight - roomAbove + slack); // scroll up by this: room above grows
  const canUp = up <= scroll.max - scroll.y && target.top - up >= quoteTop;
  const canDown = down <= scroll.y && target.bottom + down <= viewport.height - margin;
  if (canUp && (!canDown || up <= down)) return up;
  if (canDown) return -down;
  return Math.max(0, Math.min(target.top - quoteTop, scroll.max - scroll.y));
}
