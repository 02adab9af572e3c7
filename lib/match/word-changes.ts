// The changes between a source's words and a quote's, as jsdiff's diffArrays(source, quote) gives
// them (runs of equal, removed and added words), over the words' forms compared with ===.
//
// Where one list is the other with words left out (an elided quote whose parts are the source's
// words: the quote within the source span; a partial or spliced quote whose found part is exact:
// the source span within the quote), jsdiff's answer is known without running it. Its search
// takes at each edit length the path furthest along each diagonal, and the only path on the
// outermost diagonal (all deletions, or all insertions) is built by following equal words as far
// as they go, then stepping over one word of the longer list, then following again. The end of
// both lists lies on that diagonal, and no other diagonal can reach it, nor does its edge bound
// cut that diagonal off before it gets there. So jsdiff returns that walk: the shorter list
// matched as early as it can be in the longer one. The walk is made here directly, in one pass;
// every other pair of lists goes to jsdiff. A test compares the two on random lists.
import { diffArrays } from 'diff';

/** A run of words: equal in both lists, only in the source (removed), or only in the quote (added). */
export interface WordChange {
  count: number;
  added: boolean;
  removed: boolean;
}

/**
 * The runs of walking `longer`, taking its next word as equal when it is the next word of
 * `shorter`, else as `extra` (added or removed): null when `shorter` is not used up, i.e. is not a
 * subsequence of `longer`.
 */
function walk(longer: readonly string[], shorter: readonly string[], extraAdded: boolean): WordChange[] | null {
  const runs: WordChange[] = [];
  let k = 0;
  let run: WordChange | null = null;
  for (let i = 0; i < longer.length; i++) {
    const equal = k < shorter.length && longer[i] === shorter[k];
    if (equal) k++;
    const added = !equal && extraAdded;
    const removed = !equal && !extraAdded;
    if (run !== null && run.added === added && run.removed === removed) run.count++;
    else runs.push((run = { count: 1, added, removed }));
  }
  return k === shorter.length ? runs : null;
}

/** diffArrays(source, quote)'s runs (count, added, removed), by the walk where it applies. */
export function wordChanges(source: readonly string[], quote: readonly string[]): WordChange[] {
  const walked =
    quote.length < source.length ? walk(source, quote, false) : source.length < quote.length ? walk(quote, source, true) : null;
  if (walked !== null) return walked;
  return diffArrays<string>(source as string[], quote as string[]);
}
