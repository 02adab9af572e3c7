// The aligner's table for a quote stretch of at most 32 words, held as bit vectors: one pair of
// 32-bit masks per source word instead of a row of cells per quote word (Myers 1999, in Hyyrö's
// formulation). Used where the table's first row is all 0 (suffix and fit alignments): the
// masks give every cell's value exactly, so the traceback reads the very numbers the full table
// holds and picks the very same columns (tests compare the two on random word lists).
import { MASK_MAX_WORDS, popcount, WordMasks } from './word-masks';

/** The longest quote stretch the masks hold: one bit per quote word. */
export const BIT_COLUMNS_MAX_WORDS = MASK_MAX_WORDS;

// Per source word j (0..n), the vertical differences of column j: bit i − 1 of plus[j] is set
// when d[i][j] − d[i − 1][j] = +1, of minus[j] when it is −1. Reused between calls.
let plus = new Int32Array(256);
let minus = new Int32Array(256);

// The quote stretch's words and the places each holds, reused.
const quoteWords = new WordMasks();

/**
 * Fill the masks for quote words qKeys[qFrom, qFrom + m) (1 ≤ m ≤ 32) against source words
 * sKeys[sFrom, sFrom + n), the table's first row all 0 and its first column d[i][0] = i, each
 * cell the least of its diagonal neighbour plus 0 (equal) or 1, and either other neighbour plus 1.
 * Returns, when `lastRow` is given, d[m][j] for every j written into it.
 */
export function fillBitColumns(qKeys: Int32Array, qFrom: number, m: number, sKeys: Uint32Array, sFrom: number, n: number, lastRow?: Int32Array): void {
  if (plus.length < n + 1) {
    plus = new Int32Array(Math.max(n + 1, plus.length * 2));
    minus = new Int32Array(plus.length);
  }
  quoteWords.set(qKeys, qFrom, qFrom + m);
  const top = 1 << (m - 1); // row m's bit
  let pv = m === 32 ? -1 : (1 << m) - 1; // column 0 climbs by one a row
  let mv = 0;
  plus[0] = pv;
  minus[0] = 0;
  let score = m;
  if (lastRow) lastRow[0] = m;
  for (let j = 1; j <= n; j++) {
    const eq = quoteWords.maskOf(sKeys[sFrom + j - 1]);
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & top) score++;
    else if (mh & top) score--;
    // Row 0 is all 0: no horizontal difference enters from above.
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    plus[j] = pv;
    minus[j] = mv;
    if (lastRow) lastRow[j] = score;
  }
}

/** d[i][j] of the table fillBitColumns last filled (0 ≤ i ≤ m, 0 ≤ j ≤ n). */
export function bitCell(i: number, j: number): number {
  if (i === 0) return 0;
  const low = i === 32 ? -1 : (1 << i) - 1;
  return popcount(plus[j] & low) - popcount(minus[j] & low);
}
