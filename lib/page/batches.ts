// Which quotes go to the background together. The first batch is small, so that the first
// highlights come soon after detection; later ones grow, so that a long page needs only a few
// messages while the background checks one batch as the next is prepared.

/** The size of the first batch: about a screenful of quotes. */
export const FIRST_BATCH = 12;
/** The largest batch: some tens of milliseconds of the background's checking on a large library. */
export const LARGEST_BATCH = 96;

/** [start, end) of each batch over `count` quotes in reading order: 12, 24, 48, 96, 96, … */
export function batchBounds(count: number, first = FIRST_BATCH, largest = LARGEST_BATCH): [number, number][] {
  const bounds: [number, number][] = [];
  let size = Math.max(1, first);
  for (let start = 0; start < count; ) {
    const end = Math.min(count, start + size);
    bounds.push([start, end]);
    start = end;
    size = Math.min(Math.max(size, largest), size * 2);
  }
  return bounds;
}
