// The reader's default text size as a scale over the usual 16 px. The card's styles are in pixels so
// that a page's own root font size cannot shrink or blow it up; this scale (applied as CSS `zoom`)
// makes it follow the size the reader chose in the browser instead. Never below 1: a smaller default
// would make the card's small print too small to read.

const USUAL_PX = 16;
const MAX_SCALE = 4;

/** The scale for a default font size in CSS pixels (what `font-size: medium` computes to). */
export function textScale(mediumPx: number): number {
  if (!Number.isFinite(mediumPx) || mediumPx <= USUAL_PX) return 1;
  return Math.min(MAX_SCALE, Math.round((mediumPx / USUAL_PX) * 100) / 100);
}

/** The reader's scale, read from an element of `doc` whose font size is set to `medium` for the purpose. */
export function readTextScale(probe: HTMLElement): number {
  const before = probe.style.fontSize;
  probe.style.fontSize = 'medium';
  const px = parseFloat(getComputedStyle(probe).fontSize);
  probe.style.fontSize = before;
  return textScale(px);
}
