// The word diff the reader sees, over the words' normalised forms. It follows the greedy O(ND) search
// of Myers (1986) step for step as the `diff` package's diffArrays does it (the same choice
// between an insertion and a deletion on a tie, the same pruning of diagonals that have reached
// an edge of the edit graph, equal runs taken as early as possible), so a quote that earlier
// showed a given diff shows the same one: the same runs, in the same order, with the same
// lengths. A test compares the two on random word lists and on every quote of the corpus. What
// it leaves out is the general machinery: change objects, a comparator call per word, timeouts.
// Words are compared as they are (===): numbering them first through a map cost more than the
// diff itself, which for a quote and its source is a few edits.

/** A run of the diff: words in both lists, only in the first (removed), or only in the second (added). */
export const EQUAL = 0;
export const REMOVED = 1;
export const ADDED = 2;
export type RunKind = typeof EQUAL | typeof REMOVED | typeof ADDED;

export interface DiffRun {
  kind: RunKind;
  count: number;
}

// The runs of every path explored, as a persistent linked list (paths share their beginnings):
// run r has kind runKind[r], length runCount[r] and comes after run runPrev[r] (-1: the first).
// Reused from call to call.
let runKind = new Uint8Array(256);
let runCount = new Int32Array(256);
let runPrev = new Int32Array(256);
let runs = 0;

// The furthest path on each diagonal (index diagonal + offset): its last position in the old
// list and its last run; pathSet marks where a path is held.
let pathOld = new Int32Array(64);
let pathRun = new Int32Array(64);
let pathSet = new Uint8Array(64);

function newRun(kind: RunKind, count: number, prev: number): number {
  if (runs === runKind.length) {
    const size = runs * 2;
    const k = new Uint8Array(size);
    k.set(runKind);
    runKind = k;
    const c = new Int32Array(size);
    c.set(runCount);
    runCount = c;
    const p = new Int32Array(size);
    p.set(runPrev);
    runPrev = p;
  }
  runKind[runs] = kind;
  runCount[runs] = count;
  runPrev[runs] = prev;
  return runs++;
}

/** The path one step on from run `last`: one more run of `kind`, or the last run one longer. */
function extend(last: number, kind: RunKind): number {
  if (last >= 0 && runKind[last] === kind) return newRun(kind, runCount[last] + 1, runPrev[last]);
  return newRun(kind, 1, last);
}

/** The runs ending with run `last`, in order. */
function collect(last: number): DiffRun[] {
  const out: DiffRun[] = [];
  for (let r = last; r >= 0; r = runPrev[r]) out.push({ kind: runKind[r] as RunKind, count: runCount[r] });
  return out.reverse();
}

/**
 * The diff that turns list `older` into `newer` (=== items are the same word), as
 * diffArrays(older, newer) gives it: its change objects' kinds and counts, in order.
 */
export function diffSequences<T>(older: ArrayLike<T>, newer: ArrayLike<T>): DiffRun[] {
  const oldLen = older.length;
  const newLen = newer.length;
  const maxEdit = oldLen + newLen;
  const offset = maxEdit + 1;
  if (pathOld.length < 2 * offset + 1) {
    const size = Math.max(2 * offset + 1, pathOld.length * 2);
    pathOld = new Int32Array(size);
    pathRun = new Int32Array(size);
    pathSet = new Uint8Array(size);
  } else {
    pathSet.fill(0, 0, 2 * offset + 1);
  }
  runs = 0;

  // The common run at the start: the path of no edits.
  let oldPos = -1;
  let newPos = -1;
  let last = -1;
  let common = 0;
  while (newPos + 1 < newLen && oldPos + 1 < oldLen && older[oldPos + 1] === newer[newPos + 1]) {
    oldPos++;
    newPos++;
    common++;
  }
  if (common > 0) last = newRun(EQUAL, common, last);
  if (oldPos + 1 >= oldLen && newPos + 1 >= newLen) return collect(last);
  pathOld[offset] = oldPos;
  pathRun[offset] = last;
  pathSet[offset] = 1;

  // Once a path reaches the last word of one list, diagonals beyond it need more edits than it does.
  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let edits = 1; edits <= maxEdit; edits++) {
    for (let d = Math.max(minDiagonal, -edits); d <= Math.min(maxDiagonal, edits); d += 2) {
      const removeAt = d - 1 + offset;
      const addAt = d + 1 + offset;
      const hasRemove = pathSet[removeAt] === 1;
      const hasAdd = pathSet[addAt] === 1;
      const removeOld = pathOld[removeAt];
      const addOld = pathOld[addAt];
      if (hasRemove) pathSet[removeAt] = 0; // no other diagonal extends it
      let canAdd = false;
      if (hasAdd) {
        const addNew = addOld - d;
        canAdd = addNew >= 0 && addNew < newLen;
      }
      const canRemove = hasRemove && removeOld + 1 < oldLen;
      if (!canAdd && !canRemove) {
        pathSet[d + offset] = 0;
        continue;
      }
      // Extend the path that has gone further in the old list; a deletion on a tie.
      if (!canRemove || (canAdd && removeOld < addOld)) {
        oldPos = addOld;
        last = extend(pathRun[addAt], ADDED);
      } else {
        oldPos = removeOld + 1;
        last = extend(pathRun[removeAt], REMOVED);
      }
      newPos = oldPos - d;
      common = 0;
      while (newPos + 1 < newLen && oldPos + 1 < oldLen && older[oldPos + 1] === newer[newPos + 1]) {
        oldPos++;
        newPos++;
        common++;
      }
      if (common > 0) last = newRun(EQUAL, common, last);
      if (oldPos + 1 >= oldLen && newPos + 1 >= newLen) return collect(last);
      pathOld[d + offset] = oldPos;
      pathRun[d + offset] = last;
      pathSet[d + offset] = 1;
      if (oldPos + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, d - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, d + 1);
    }
  }
  // Not reached: oldLen + newLen edits always reach the end.
  throw new Error('word diff: no path found');
}

/** The diff between two lists of word forms (see diffSequences). */
export function diffWords(older: readonly string[], newer: readonly string[]): DiffRun[] {
  return diffSequences(older, newer);
}
