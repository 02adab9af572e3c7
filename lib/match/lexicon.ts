// The library's words, each distinct matching key once, numbered. Sources keep their tokens as
// these numbers, so comparing two words is comparing two integers, and everything derived from a
// key (its hash, light stem, stopword flag) is computed once per distinct word, not per token.
// Numbers are assigned in the order words are first seen, or, for an index loaded from the
// database, taken over from the stored library lexicon (see lib/match/packed-lexicon.ts), so the
// word numbers of stored rows are this lexicon's word numbers without any translation.
import { hashKey } from './fingerprints';
import { KeyTable, Uint32List } from './key-table';
import { isStopword, lightStem } from '../text/stopwords';

/**
 * What a lexicon works out for each word besides its stem, as stored with the library lexicon
 * (packed-lexicon.ts): each word's hashKey, and the numbers of the words that are stopwords.
 */
export interface WordFacts {
  hashes: Uint32Array; // hashKey of each word, in word-number order
  stopWords: ArrayLike<number>; // the word numbers whose key isStopword, ascending
  stemHashes?: Uint32Array; // hashKey of each stem text, in stem-number order (with stored stems only)
}

/** Every this many words or stems (and the last), a stored hash is checked against hashKey when taken. */
const HASH_SPOT_CHECK = 61;

// Light stems are worked out on first use (context, short quotes, library search), for every word
// interned by then, unless they came stored with the library lexicon (withStems) or a caller with
// time to spare has worked them out already (stemMore: a cold load without stored stems does it in
// pieces while it waits for its reads).
export class Lexicon {
  private readonly ids: KeyTable;
  private readonly hashList: Uint32List;
  private stemIds = new KeyTable();
  private stemHashes = new Uint32List(); // hashKey of each stem text, for stemIds
  private stemmed = 0; // words whose stem is known: the first `stemmed` word numbers
  private stemOfWord: number[] = [];
  private stemTexts: string[] = [];
  // The words of each stem: grouped when first asked for (context, short quotes, library search),
  // grouped again once more words are stemmed.
  private groups: StemGroups | null = null;
  /** Matching key of each word number. */
  readonly keys: string[];
  /** Whether each word's key is a stopword (context ignores those). */
  readonly stop: boolean[];

  /** An empty lexicon (`taken`: the words of fromKeys, with their stored facts). */
  constructor(taken?: TakenWords) {
    this.keys = taken?.keys ?? [];
    this.stop = taken?.stop ?? [];
    this.hashList = new Uint32List(taken?.hashes);
    this.ids = new KeyTable(this.keys.length);
  }

  /** FNV-1a hash of each word's key (fingerprints.ts `hashKey`), for fingerprinting tokens by number. */
  get hashes(): Uint32Array {
    return this.hashList.values;
  }

  /** Light stem number of each word. */
  get stemOf(): readonly number[] {
    if (this.stemmed < this.keys.length) this.stemAll();
    return this.stemOfWord;
  }

  /** Each stem number's text. */
  get stems(): readonly string[] {
    if (this.stemmed < this.keys.length) this.stemAll();
    return this.stemTexts;
  }

  /** The word numbers that share each stem. */
  get stemGroups(): StemGroups {
    if (this.stemmed < this.keys.length) this.stemAll();
    return (this.groups ??= StemGroups.of(this.stemOfWord, this.stemTexts.length));
  }

  private stemAll(): void {
    this.stemMore(this.keys.length);
  }

  /**
   * Works out the light stems of up to `count` more words, so that a caller with time to spare
   * (a cold load waiting for its reads) can do it in pieces; the rest follow on first use.
   * Returns whether words are left without their stem.
   */
  stemMore(count: number): boolean {
    const end = Math.min(this.keys.length, this.stemmed + count);
    for (let id = this.stemmed; id < end; id++) {
      const stem = lightStem(this.keys[id]);
      const hash = hashKey(stem);
      let st = this.stemIds.find(hash, stem, this.stemTexts, this.stemHashes.raw);
      if (st < 0) {
        st = this.stemTexts.length;
        this.stemTexts.push(stem);
        this.stemHashes.push(hash);
        this.stemIds.addAll(st, st + 1, this.stemTexts, this.stemHashes.raw);
      }
      this.stemOfWord.push(st);
    }
    if (end > this.stemmed) this.groups = null;
    this.stemmed = end;
    return end < this.keys.length;
  }

  /**
   * A lexicon holding these keys with their stems already known (as stored with the library
   * lexicon), the same in every field as `fromKeys(keys)` stemmed in order would be. Stem numbers
   * must come in order of first appearance and each text once; throws when they do not. With
   * `facts`, the words' and stems' hashes are taken as fromKeys takes them.
   */
  static withStems(keys: readonly string[], stemOf: ArrayLike<number>, stemTexts: readonly string[], facts?: WordFacts): Lexicon {
    const lx = Lexicon.fromKeys(keys, facts);
    if (stemOf.length !== keys.length) throw new Error('lexicon stems: one stem number per word');
    const S = stemTexts.length;
    // Texts and stored hashes copied whole; hashes worked out only when none (or wrong ones) were stored.
    const stored = facts?.stemHashes;
    const hashes = stored && stored.length === S && spotChecked(stemTexts, stored) ? stored : Uint32Array.from(stemTexts, hashKey);
    lx.stemTexts = stemTexts.slice();
    lx.stemHashes = new Uint32List(hashes);
    lx.stemIds = new KeyTable(S);
    if (lx.stemIds.addAll(0, S, lx.stemTexts, lx.stemHashes.raw) >= 0) throw new Error('lexicon stems: a stem text repeats');
    let next = 0; // numbered in order of first appearance: a stem not seen before takes the next number
    for (let id = 0; id < keys.length; id++) {
      const st = stemOf[id];
      if (!Number.isInteger(st) || st < 0 || st > next || st >= S) throw new Error('lexicon stems: numbered out of order');
      if (st === next) next++;
    }
    if (next !== S) throw new Error('lexicon stems: a stem text no word has');
    lx.stemOfWord = Array.from(stemOf);
    lx.stemmed = keys.length;
    return lx;
  }

  /**
   * A lexicon holding exactly these keys, numbered by their place in the list (keys must be
   * distinct; throws when one repeats). With `facts` (as stored with the library lexicon) each
   * word's hash and stop flag are taken as given, not worked out: the same lexicon, provided the
   * facts are hashKey's and isStopword's. A hash in every HASH_SPOT_CHECK and every listed stopword
   * are checked against them, and facts that fail are refused (throws), never half taken.
   */
  static fromKeys(keys: readonly string[], facts?: WordFacts): Lexicon {
    const n = keys.length;
    if (!facts) {
      const lx = new Lexicon();
      // Each key appended straight away (a repeat is found as it is added), without intern's look-up first.
      for (let id = 0; id < n; id++) lx.append(keys[id], hashKey(keys[id]));
      return lx;
    }
    const { hashes, stopWords } = facts;
    if (!(hashes instanceof Uint32Array) || hashes.length !== n || !spotChecked(keys, hashes)) throw new Error('lexicon facts: a hash is not the word\'s');
    const stop = new Array<boolean>(n).fill(false);
    let previous = -1;
    for (let i = 0; i < stopWords.length; i++) {
      const id = stopWords[i];
      if (!(id > previous && id < n) || !isStopword(keys[id])) throw new Error('lexicon facts: a stop flag is not the word\'s');
      stop[id] = true;
      previous = id;
    }
    // Keys and hashes copied whole (no loop per word), then the word table filled from the hashes
    // in one loop: keys are compared only where two hashes agree.
    const lx = new Lexicon({ keys: keys.slice(), stop, hashes });
    if (lx.ids.addAll(0, n, lx.keys, lx.hashList.raw) >= 0) throw new Error('lexicon keys repeat');
    return lx;
  }

  /** What this lexicon stores besides its words and stems (see WordFacts), its stems' hashes included. */
  facts(): WordFacts {
    if (this.stemmed < this.keys.length) this.stemAll();
    const stopWords: number[] = [];
    for (let id = 0; id < this.stop.length; id++) if (this.stop[id]) stopWords.push(id);
    return { hashes: this.hashes, stopWords, stemHashes: this.stemHashes.values };
  }

  get size(): number {
    return this.keys.length;
  }

  /** The word number of a key, or -1 when the lexicon lacks it (a stored lexicon may also hold words of removed sources). */
  idOf(key: string): number {
    return this.ids.find(hashKey(key), key, this.keys, this.hashList.raw);
  }

  /** The number of a key, added when new. */
  intern(key: string): number {
    const hash = hashKey(key);
    const id = this.ids.find(hash, key, this.keys, this.hashList.raw);
    return id >= 0 ? id : this.append(key, hash);
  }

  /** A new word number for a key (whose hash is `hash`); throws when the key is held already. */
  private append(key: string, hash: number): number {
    const id = this.keys.length;
    this.keys.push(key);
    this.stop.push(isStopword(key));
    this.hashList.push(hash);
    if (this.ids.addAll(id, id + 1, this.keys, this.hashList.raw) >= 0) {
      this.keys.pop();
      this.stop.pop();
      this.hashList.pop();
      throw new Error('lexicon keys repeat');
    }
    return id;
  }

  /** The number of a light stem, or -1 when no word of the library has it. */
  stemIdOf(stem: string): number {
    if (this.stemmed < this.keys.length) this.stemAll();
    return this.stemIds.find(hashKey(stem), stem, this.stemTexts, this.stemHashes.raw);
  }
}

/**
 * The word numbers of each stem, grouped by stem number in one list, ascending within each: the
 * words of stem st are words[start[st]] up to words[start[st + 1]]. Two typed arrays filled by
 * counting, where an array per stem (about 20,000 in the State of the Union library) cost a cold
 * worker's first check its allocations.
 */
export class StemGroups {
  private constructor(
    readonly start: Int32Array, // stem count + 1 entries
    readonly words: Int32Array,
  ) {}

  static of(stemOf: readonly number[], stems: number): StemGroups {
    const n = stemOf.length;
    const start = new Int32Array(stems + 1);
    for (let id = 0; id < n; id++) start[stemOf[id] + 1]++;
    for (let st = 0; st < stems; st++) start[st + 1] += start[st];
    const next = start.slice(0, stems);
    const words = new Int32Array(n);
    for (let id = 0; id < n; id++) words[next[stemOf[id]]++] = id;
    return new StemGroups(start, words);
  }

  /** The word numbers with stem `st`, ascending (a view: valid while these groups are). */
  of(st: number): Int32Array {
    return this.words.subarray(this.start[st], this.start[st + 1]);
  }

  /** The word numbers with stem `st` that are not stopwords, ascending. */
  contentWords(st: number, stop: readonly boolean[]): number[] {
    const out: number[] = [];
    for (let i = this.start[st], end = this.start[st + 1]; i < end; i++) if (!stop[this.words[i]]) out.push(this.words[i]);
    return out;
  }
}

/** The words a lexicon starts from when fromKeys takes stored facts. */
interface TakenWords {
  keys: string[];
  stop: boolean[];
  hashes: Uint32Array; // copied
}

/** Whether stored hashes agree with hashKey at every HASH_SPOT_CHECK-th text and the last. */
function spotChecked(texts: readonly string[], hashes: Uint32Array): boolean {
  const n = texts.length;
  for (let i = 0; i < n; i += HASH_SPOT_CHECK) if (hashKey(texts[i]) !== hashes[i]) return false;
  return n === 0 || hashKey(texts[n - 1]) === hashes[n - 1];
}
