// Word-level alignment of quote words against source words by their keys: a small edit-distance
// DP (equal 0, substitution/insertion/deletion 1), run only on short stretches between and
// around exact runs, so it stays cheap. Keys are compared with ===: the matcher passes word
// numbers (lib/match/lexicon.ts), tests may pass strings.

import { BIT_COLUMNS_MAX_WORDS, bitCell, fillBitColumns } from './bit-columns';

export type ColumnKind = 'eq' | 'sub' | 'ins' | 'del';

/** One aligned column: q is a quote token index (-1 for a deleted source word), s a source token index (-1 for an inserted quote word). */
export interface Column {
  kind: ColumnKind;
  q: number;
  s: number;
}

/**
 * global: both stretches used whole. prefix: starts at sFrom, may stop anywhere (trailing edge).
 * suffix: ends at sTo, may start anywhere (leading edge). fit: the quote stretch anywhere inside.
 */
export type AlignMode = 'global' | 'prefix' | 'suffix' | 'fit';

/**
 * Above this many DP cells (a very long unmatched stretch of a very long quote) the stretch is
 * not aligned word by word: its quote words count as added, which only lowers similarity.
 */
export const MAX_ALIGN_CELLS = 2_000_000;

/** Keys of words: any array-like of values compared with ===. */
export type Keys = ArrayLike<number | string>;

function reversedRange(keys: Keys, from: number, to: number): Array<number | string> {
  const out = new Array<number | string>(to - from);
  for (let i = from; i < to; i++) out[to - 1 - i] = keys[i];
  return out;
}

// The matcher's keys mirrored for a prefix alignment, in arrays of the matcher's own kinds (quote
// word numbers Int32Array, source word numbers Uint32Array), reused: the DP then reads one kind of
// array for each side whatever the mode, and no array is made per alignment.
let mirroredQuote = new Int32Array(64);
let mirroredSource = new Uint32Array(64);

function mirrorQuote(keys: Int32Array, from: number, to: number): Int32Array {
  const m = to - from;
  if (mirroredQuote.length < m) mirroredQuote = new Int32Array(Math.max(m, mirroredQuote.length * 2));
  for (let i = from; i < to; i++) mirroredQuote[to - 1 - i] = keys[i];
  return mirroredQuote;
}

function mirrorSource(keys: Uint32Array, from: number, to: number): Uint32Array {
  const n = to - from;
  if (mirroredSource.length < n) mirroredSource = new Uint32Array(Math.max(n, mirroredSource.length * 2));
  for (let i = from; i < to; i++) mirroredSource[to - 1 - i] = keys[i];
  return mirroredSource;
}

/** Start of the last place in sKeys[sFrom, sTo) holding qKeys[qFrom, qTo) word for word, or -1. */
export function lastOccurrence(qKeys: Keys, qFrom: number, qTo: number, sKeys: Keys, sFrom: number, sTo: number): number {
  const m = qTo - qFrom;
  const first = qKeys[qFrom];
  for (let at = sTo - m; at >= sFrom; at--) {
    if (sKeys[at] !== first) continue;
    let k = 1;
    while (k < m && sKeys[at + k] === qKeys[qFrom + k]) k++;
    if (k === m) return at;
  }
  return -1;
}

// The DP table, reused between calls (the matcher runs many small alignments per quote); its
// values are small, and as 32-bit signed integers they stay integers in optimised code.
let table = new Int32Array(4096);

// The last row of a fit alignment's table (bit-columns.ts), reused.
let lastRow = new Int32Array(256);

/**
 * A suffix or fit alignment of m ≤ 32 quote words from the table held as bit vectors
 * (bit-columns.ts): the same end column and the same traceback as the full table below, reading
 * the same cell values.
 */
function alignByBits(qKeys: Int32Array, qFrom: number, m: number, sKeys: Uint32Array, sFrom: number, n: number, freeEnd: boolean): Column[] {
  if (freeEnd && lastRow.length < n + 1) lastRow = new Int32Array(Math.max(n + 1, lastRow.length * 2));
  fillBitColumns(qKeys, qFrom, m, sKeys, sFrom, n, freeEnd ? lastRow : undefined);
  let j = n;
  if (freeEnd) {
    let best = lastRow[n];
    for (let jj = n; jj >= 0; jj--) {
      if (lastRow[jj] < best) {
        best = lastRow[jj];
        j = jj;
      }
    }
  }
  const cols: Column[] = [];
  let i = m;
  let here = bitCell(i, j);
  // The first row is free (i === 0 ends the walk); in the first column only insertions remain.
  // Each step only picks its kind: the column is made in one place (see pushColumn).
  while (i > 0) {
    let kind: ColumnKind = 'ins';
    if (j > 0) {
      const same = qKeys[qFrom + i - 1] === sKeys[sFrom + j - 1];
      const diagonal = bitCell(i - 1, j - 1) + (same ? 0 : 1);
      if (here === diagonal) {
        kind = same ? 'eq' : 'sub';
        here = diagonal - (same ? 0 : 1);
      } else {
        const up = bitCell(i - 1, j);
        if (here === up + 1) here = up;
        else {
          kind = 'del';
          here--;
        }
      }
    }
    pushColumn(cols, kind, qFrom + i - 1, sFrom + j - 1);
    if (kind !== 'del') i--;
    if (kind !== 'ins') j--;
  }
  cols.reverse();
  return cols;
}

/**
 * Appends the column of one traceback step: `kind` at quote word `q` and source word `s`, -1 for
 * the side the step does not take. Both tracebacks make every column here, whatever the step: a
 * step that is rare on a page (a deletion at the table's edge) then has nothing of its own that
 * the optimised traceback has not seen run, which made V8 throw the traceback's optimised code
 * away dozens of times in a cold worker's first checks.
 */
function pushColumn(cols: Column[], kind: ColumnKind, q: number, s: number): void {
  cols.push({ kind, q: kind !== 'del' ? q : -1, s: kind !== 'ins' ? s : -1 });
}

export function alignWords(qKeys: Keys, qFrom: number, qTo: number, sKeys: Keys, sFrom: number, sTo: number, mode: AlignMode): Column[] {
  return align(qKeys, qFrom, qTo, sKeys, sFrom, sTo, mode, true);
}

/** alignWords always by its DP, without looking for an exact occurrence first (tests compare the two). */
export function alignWordsByTable(qKeys: Keys, qFrom: number, qTo: number, sKeys: Keys, sFrom: number, sTo: number, mode: AlignMode): Column[] {
  return align(qKeys, qFrom, qTo, sKeys, sFrom, sTo, mode, false);
}

function align(
  qKeys: Keys,
  qFrom: number,
  qTo: number,
  sKeys: Keys,
  sFrom: number,
  sTo: number,
  mode: AlignMode,
  shortcut: boolean,
): Column[] {
  if (mode === 'prefix') {
    // Run it mirrored, so that ties put substitutions next to the anchored start (the traceback
    // favours diagonal steps nearest to where it begins).
    const m = Math.max(0, qTo - qFrom);
    const n = Math.max(0, sTo - sFrom);
    const typed = qKeys instanceof Int32Array && sKeys instanceof Uint32Array;
    const qRev = typed ? mirrorQuote(qKeys, qFrom, qFrom + m) : reversedRange(qKeys, qFrom, qFrom + m);
    const sRev = typed ? mirrorSource(sKeys, sFrom, sFrom + n) : reversedRange(sKeys, sFrom, sFrom + n);
    const mirrored = align(qRev, 0, m, sRev, 0, n, 'suffix', shortcut);
    // The mirrored columns are this call's own: turned back in place.
    for (const c of mirrored) {
      if (c.q >= 0) c.q = qTo - 1 - c.q;
      if (c.s >= 0) c.s = sTo - 1 - c.s;
    }
    return mirrored.reverse();
  }
  const m = Math.max(0, qTo - qFrom);
  const n = Math.max(0, sTo - sFrom);
  if ((m + 1) * (n + 1) > MAX_ALIGN_CELLS) {
    const cols: Column[] = [];
    for (let i = 0; i < m; i++) cols.push({ kind: 'ins', q: qFrom + i, s: -1 });
    if (mode === 'global') for (let j = 0; j < n; j++) cols.push({ kind: 'del', q: -1, s: sFrom + j });
    return cols;
  }
  if (shortcut && mode === 'fit' && m > 0) {
    // A zero-cost alignment is an exact occurrence, and the DP below ends at the rightmost
    // cheapest column: the last occurrence, all equal. Found directly when there is one.
    const at = lastOccurrence(qKeys, qFrom, qTo, sKeys, sFrom, sTo);
    if (at >= 0) {
      const cols = new Array<Column>(m);
      for (let k = 0; k < m; k++) cols[k] = { kind: 'eq', q: qFrom + k, s: at + k };
      return cols;
    }
  }
  const freeStart = mode === 'suffix' || mode === 'fit';
  const freeEnd = mode === 'fit'; // prefix mode was mirrored into suffix above
  if (freeStart && m > 0 && m <= BIT_COLUMNS_MAX_WORDS && qKeys instanceof Int32Array && sKeys instanceof Uint32Array) {
    return alignByBits(qKeys, qFrom, m, sKeys, sFrom, n, freeEnd);
  }
  const w = n + 1;
  if (table.length < (m + 1) * w) table = new Int32Array(Math.max((m + 1) * w, table.length * 2));
  const d = table; // every cell read below is written first
  for (let j = 0; j <= n; j++) d[j] = freeStart ? 0 : j;
  // Row by row; the cell to the left (just written) and the two above are carried in locals, so
  // each cell reads one cell of the row above and one source key.
  for (let i = 1, above = 0; i <= m; i++, above += w) {
    const row = above + w;
    d[row] = i;
    const qk = qKeys[qFrom + i - 1];
    let left = i; // d[row + j - 1]
    let upLeft = d[above]; // d[above + j - 1]
    for (let j = 1; j <= n; j++) {
      const up = d[above + j];
      let cell = upLeft + (qk === sKeys[sFrom + j - 1] ? 0 : 1); // diagonal: equal or substituted
      if (up + 1 < cell) cell = up + 1; // quote word inserted
      if (left + 1 < cell) cell = left + 1; // source word dropped
      d[row + j] = cell;
      left = cell;
      upLeft = up;
    }
  }
  // End column: the cheapest; on ties the one using more source words (substitutions over insertions).
  let j = n;
  if (freeEnd) {
    let best = d[m * w + n];
    for (let jj = n; jj >= 0; jj--) {
      if (d[m * w + jj] < best) {
        best = d[m * w + jj];
        j = jj;
      }
    }
  }
  const cols: Column[] = [];
  let i = m;
  while (i > 0 || j > 0) {
    let kind: ColumnKind = 'del';
    if (i === 0) {
      if (freeStart) break;
    } else if (j === 0) kind = 'ins';
    else {
      const here = d[i * w + j];
      const same = qKeys[qFrom + i - 1] === sKeys[sFrom + j - 1];
      if (here === d[(i - 1) * w + j - 1] + (same ? 0 : 1)) kind = same ? 'eq' : 'sub';
      else if (here === d[(i - 1) * w + j] + 1) kind = 'ins';
    }
    pushColumn(cols, kind, qFrom + i - 1, sFrom + j - 1);
    if (kind !== 'del') i--;
    if (kind !== 'ins') j--;
  }
  cols.reverse();
  // Trailing source words after the end column are free in prefix/fit mode: not part of the alignment.
  return cols;
}
