// A quote's keys as the lexicon's word numbers, remembered by key: the same few thousand words
// make up a page's quotes, and the lexicon's own table (tens of thousands of words) is read with a
// hash of the key's characters and a probe that misses the processor's caches. A key string met
// before keeps its hash inside it, so a small map answers it at once.
import type { Lexicon } from './lexicon';

/** Keys remembered per lexicon at most: the map is emptied when full. */
const KEY_NUMBERS_LIMIT = 16384;

// An answer holds while the lexicon has the same words (absent keys may be added): all are
// forgotten when it grows.
const memos = new WeakMap<Lexicon, { size: number; ids: Map<string, number> }>();

/**
 * For each key its word number, or -1 - i for the i-th key when the lexicon lacks it (so that two
 * absent words never compare equal): the answer of LibraryIndex.wordNumbers.
 */
export function keyNumbers(lexicon: Lexicon, keys: readonly string[]): Int32Array {
  let memo = memos.get(lexicon);
  if (memo === undefined || memo.size !== lexicon.size) {
    memo = { size: lexicon.size, ids: new Map() };
    memos.set(lexicon, memo);
  }
  const ids = memo.ids;
  const out = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let id = ids.get(key);
    if (id === undefined) {
      id = lexicon.idOf(key);
      if (ids.size >= KEY_NUMBERS_LIMIT) ids.clear();
      ids.set(key, id);
    }
    out[i] = id >= 0 ? id : -1 - i;
  }
  return out;
}
