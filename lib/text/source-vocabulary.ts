// A source's words as its index stores them: token offsets, the source's distinct matching keys in
// order of first use, and each token's key as a number into that list. One WordScanner serves
// every source scanned in this process, numbering keys in one table, so a word form met in an
// earlier source costs no string work at all; each source's own numbering is then a pass over
// typed arrays.
import { WordScanner } from './scan-words';

export interface SourceVocabulary {
  tokenStarts: Int32Array;
  tokenEnds: Int32Array;
  vocabulary: string[]; // distinct keys in order of first use
  tokenWords: Uint32Array; // index into `vocabulary`
}

/** Beyond this many distinct keys the shared tables are dropped before the next scan (memory bound). */
const KEY_LIMIT = 1 << 20;

/** Keys numbered in the order first seen: a fixed number per key for the table's lifetime. */
class KeyTable {
  readonly keys: string[] = [];
  private readonly ids = new Map<string, number>();

  idOf = (key: string): number => {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  };
}

/** Per key number: the source being numbered (a stamp) and the key's number in that source. */
class FirstUse {
  private stamp = new Uint32Array(1024);
  private local = new Uint32Array(1024);
  private current = 0;

  /** Rewrites `words` (numbers of `table`) in place into numbers into the returned list of keys, in order of first use. */
  renumber(words: Uint32Array, table: KeyTable): string[] {
    const size = table.keys.length;
    if (size > this.stamp.length) {
      const capacity = Math.max(size, this.stamp.length * 2);
      const stamp = new Uint32Array(capacity);
      stamp.set(this.stamp);
      this.stamp = stamp;
      this.local = new Uint32Array(capacity);
    }
    const stampNow = ++this.current;
    const vocabulary: string[] = [];
    const { stamp, local } = this;
    for (let i = 0; i < words.length; i++) {
      const id = words[i];
      if (stamp[id] !== stampNow) {
        stamp[id] = stampNow;
        local[id] = vocabulary.length;
        vocabulary.push(table.keys[id]);
      }
      words[i] = local[id];
    }
    return vocabulary;
  }
}

let table = new KeyTable();
let scanner = new WordScanner(table.idOf);
const firstUse = new FirstUse();

/** The words of a source's text: the same as `tokenize` gives, with the source's own vocabulary. */
export function sourceVocabulary(text: string): SourceVocabulary {
  if (table.keys.length > KEY_LIMIT) {
    table = new KeyTable();
    scanner = new WordScanner(table.idOf);
  }
  const { tokenStarts, tokenEnds, tokenWords } = scanner.scan(text);
  const vocabulary = firstUse.renumber(tokenWords, table);
  return { tokenStarts, tokenEnds, vocabulary, tokenWords };
}
