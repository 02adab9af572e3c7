// The library's words, each distinct matching key once, numbered. Sources keep their tokens as
// these numbers, so comparing two words is comparing two integers, and everything derived from a
// key (its hash, light stem, stopword flag) is computed once per distinct word, not per token.
// Numbers are assigned in the order words are first seen, or, for an index loaded from the
// database, taken over from the stored library lexicon (see lib/match/packed-lexicon.ts), so the
// word numbers of stored rows are this lexicon's word numbers without any translation.
import { hashKey } from './fingerprints';
import { isStopword, lightStem } from '../text/stopwords';

export class Lexicon {
  private readonly ids = new Map<string, number>();
  private readonly stemIds = new Map<string, number>();
  /** Matching key of each word number. */
  readonly keys: string[] = [];
  /** Light stem number of each word. */
  readonly stemOf: number[] = [];
  /** Whether each word's key is a stopword (context ignores those). */
  readonly stop: boolean[] = [];
  /** FNV-1a hash of each word's key (fingerprints.ts `hashKey`), for fingerprinting tokens by number. */
  readonly hashes: number[] = [];
  /** Each stem number's text. */
  readonly stems: string[] = [];
  /** The word numbers that share each stem. */
  readonly stemWords: number[][] = [];

  /** A lexicon holding exactly these keys, numbered by their place in the list (keys must be distinct). */
  static fromKeys(keys: readonly string[]): Lexicon {
    const lx = new Lexicon();
    for (const key of keys) lx.intern(key);
    if (lx.size !== keys.length) throw new Error('lexicon keys repeat');
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
    let id = this.ids.get(key);
    if (id !== undefined) return id;
    id = this.keys.length;
    this.ids.set(key, id);
    this.keys.push(key);
    const stem = lightStem(key);
    let st = this.stemIds.get(stem);
    if (st === undefined) {
      st = this.stems.length;
      this.stemIds.set(stem, st);
      this.stems.push(stem);
      this.stemWords.push([]);
    }
    this.stemOf.push(st);
    this.stemWords[st].push(id);
    this.stop.push(isStopword(key));
    this.hashes.push(hashKey(key));
    return id;
  }

  /** The number of a light stem, or -1 when no word of the library has it. */
  stemIdOf(stem: string): number {
    return this.stemIds.get(stem) ?? -1;
  }
}
