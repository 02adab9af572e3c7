// The library's words, each distinct matching key once, numbered. Sources keep their tokens as
// these numbers, so comparing two words is comparing two integers, and everything derived from a
// key (its hash, light stem, stopword flag) is computed once per distinct word, not per token.
// Numbers are assigned in the order words are first seen, or, for an index loaded from the
// database, taken over from the stored library lexicon (see lib/match/packed-lexicon.ts), so the
// word numbers of stored rows are this lexicon's word numbers without any translation.
import { hashKey } from './fingerprints';
import { isStopword, lightStem } from '../text/stopwords';

// Light stems are worked out on first use (context, short quotes, library search), for every word
// interned by then, unless they came stored with the library lexicon (withStems) or a caller with
// time to spare has worked them out already (stemMore: a cold load without stored stems does it in
// pieces while it waits for its reads).
export class Lexicon {
  private readonly ids = new Map<string, number>();
  private readonly stemIds = new Map<string, number>();
  private stemmed = 0; // words whose stem is known: the first `stemmed` word numbers
  private readonly stemOfWord: number[] = [];
  private readonly stemTexts: string[] = [];
  // The words of each stem: grouped when first asked for (short quotes, library search), then kept up to date.
  private wordsOfStem: number[][] | null = null;
  /** Matching key of each word number. */
  readonly keys: string[] = [];
  /** Whether each word's key is a stopword (context ignores those). */
  readonly stop: boolean[] = [];
  /** FNV-1a hash of each word's key (fingerprints.ts `hashKey`), for fingerprinting tokens by number. */
  readonly hashes: number[] = [];

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
  get stemWords(): readonly (readonly number[])[] {
    if (this.stemmed < this.keys.length) this.stemAll();
    return (this.wordsOfStem ??= this.groupByStem());
  }

  private groupByStem(): number[][] {
    const groups: number[][] = [];
    for (let st = 0; st < this.stemTexts.length; st++) groups.push([]);
    for (let id = 0; id < this.stemmed; id++) groups[this.stemOfWord[id]].push(id);
    return groups;
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
      let st = this.stemIds.get(stem);
      if (st === undefined) {
        st = this.stemTexts.length;
        this.stemIds.set(stem, st);
        this.stemTexts.push(stem);
        this.wordsOfStem?.push([]);
      }
      this.stemOfWord.push(st);
      this.wordsOfStem?.[st].push(id);
    }
    this.stemmed = end;
    return end < this.keys.length;
  }

  /**
   * A lexicon holding these keys with their stems already known (as stored with the library
   * lexicon), the same in every field as `fromKeys(keys)` stemmed in order would be. Stem numbers
   * must come in order of first appearance and each text once; throws when they do not.
   */
  static withStems(keys: readonly string[], stemOf: ArrayLike<number>, stemTexts: readonly string[]): Lexicon {
    const lx = Lexicon.fromKeys(keys);
    if (stemOf.length !== keys.length) throw new Error('lexicon stems: one stem number per word');
    for (let st = 0; st < stemTexts.length; st++) {
      lx.stemIds.set(stemTexts[st], st);
      lx.stemTexts.push(stemTexts[st]);
    }
    if (lx.stemIds.size !== stemTexts.length) throw new Error('lexicon stems: a stem text repeats');
    let next = 0; // numbered in order of first appearance: a stem not seen before takes the next number
    for (let id = 0; id < keys.length; id++) {
      const st = stemOf[id];
      if (!Number.isInteger(st) || st < 0 || st > next || st >= stemTexts.length) throw new Error('lexicon stems: numbered out of order');
      if (st === next) next++;
      lx.stemOfWord.push(st);
    }
    if (next !== stemTexts.length) throw new Error('lexicon stems: a stem text no word has');
    lx.stemmed = keys.length;
    return lx;
  }

  /** A lexicon holding exactly these keys, numbered by their place in the list (keys must be distinct). */
  static fromKeys(keys: readonly string[]): Lexicon {
    const lx = new Lexicon();
    // Each key appended straight away (a repeat shows in the map's size), without intern's look-up first.
    for (const key of keys) lx.append(key);
    if (lx.ids.size !== keys.length) throw new Error('lexicon keys repeat');
    return lx;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The word number of a key, or -1 when the lexicon lacks it (a stored lexicon may also hold words of removed sources). */
  idOf(key: string): number {
    return this.ids.get(key) ?? -1;
  }

  /** The number of a key, added when new. */
  intern(key: string): number {
    return this.ids.get(key) ?? this.append(key);
  }

  /** A new word number for a key not yet held. */
  private append(key: string): number {
    const id = this.keys.length;
    this.ids.set(key, id);
    this.keys.push(key);
    this.stop.push(isStopword(key));
    this.hashes.push(hashKey(key));
    return id;
  }

  /** The number of a light stem, or -1 when no word of the library has it. */
  stemIdOf(stem: string): number {
    if (this.stemmed < this.keys.length) this.stemAll();
    return this.stemIds.get(stem) ?? -1;
  }
}
