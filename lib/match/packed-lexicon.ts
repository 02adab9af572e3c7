// The library lexicon as IndexedDB keeps it: one row holding every word the stored index rows
// number into, in word-number order, as UTF-8 bytes. It only ever grows: a word keeps its number
// for as long as the lexicon lives, so rows written earlier stay valid when later imports append
// words. Its generation names one such lexicon; a row is read only against the generation it was
// written with. The checksum tells a damaged row from a whole one.
//
// The row may also carry each word's light stem (lib/text/stopwords.ts `lightStem`), so a cold
// load reads the stems instead of working them out: a stem number per word, and the distinct stem
// texts in stem-number order, under their own checksum and the stemmer version they were made
// with. Stems of another version, or damaged ones, are ignored (and worked out again); the words
// stay valid either way.
//
// Likewise each word's hashKey and the numbers of the stopwords (what Lexicon works out per word
// besides its stem), under their own checksum, seeded with the words' so that facts of other words
// fail it, and the versions of hashKey and the stopword list they were made with.
import { KEY_HASH_VERSION } from './fingerprints';
import type { WordFacts } from './lexicon';
import { STEMMER_VERSION } from '../text/stopwords';

/** What IndexedDB keeps for the library lexicon. */
export interface PackedLexicon {
  generation: string; // names this lexicon; a fresh lexicon gets a fresh one
  size: number; // how many words
  words: Uint8Array; // the words in number order, joined by WORD_SEPARATOR, as UTF-8
  checksum: number; // FNV-1a of `words`
  // The stems, all four or none (rows written before stems were stored have none):
  stemmer?: number; // STEMMER_VERSION they were made with
  stemOf?: Uint16Array | Uint32Array; // each word's stem number, in word-number order
  stems?: Uint8Array; // the distinct stem texts in stem-number order, joined by WORD_SEPARATOR, as UTF-8
  stemChecksum?: number; // FNV-1a of `stems` followed by the bytes of `stemOf`
  // The word facts, all four or none (rows written before they were stored have none):
  facts?: string; // FACTS_VERSION they were made with
  hashes?: Uint32Array; // hashKey of each word, in word-number order
  stopWords?: Uint16Array | Uint32Array; // the numbers of the words that are stopwords, ascending
  stemHashes?: Uint32Array; // hashKey of each stem text (rows with stems; empty without)
  factsChecksum?: number; // factsChecksum of the above, seeded with `checksum`
}

/** hashKey's version and the stopword list's (the stemmer's number covers isStopword). */
export const FACTS_VERSION = `hash${KEY_HASH_VERSION}-stop${STEMMER_VERSION}`;

/** The light stems of a lexicon's words: numbered in order of first appearance, as Lexicon numbers them. */
export interface LexiconStems {
  stemOf: ArrayLike<number>; // each word's stem number
  texts: readonly string[]; // each stem number's text
}

/** Keys are words (letters, digits, inner apostrophes, number punctuation, a hyphen): never a line break. */
const WORD_SEPARATOR = '\n';

// The checksums' loops run once or twice per load over long arrays, so V8 optimises them while
// they run and leaves by whatever follows the loop: each loop is a function of its own that ends
// there, its hash a 32-bit integer throughout (the seeds are above 2^31, which made a double of
// it), and the last steps are its caller's. Otherwise each load threw the optimised code away.

/** FNV-1a steps over `bytes`, from `h`. */
function mixBytes(bytes: Uint8Array, h: number): number {
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h;
}

/** The same steps over 32- or 16-bit numbers, one step per number. */
function mixNumbers(numbers: Uint32Array | Uint16Array, h: number): number {
  for (let i = 0; i < numbers.length; i++) h = Math.imul(h ^ numbers[i], 0x01000193);
  return h;
}

function checksum(bytes: Uint8Array, seed = 0x811c9dc5): number {
  return mixBytes(bytes, seed | 0) >>> 0;
}

function stemChecksum(stems: Uint8Array, stemOf: Uint16Array | Uint32Array): number {
  return checksum(new Uint8Array(stemOf.buffer, stemOf.byteOffset, stemOf.byteLength), checksum(stems));
}

/** FNV-1a-like mix of 32-bit numbers (a quarter of the steps of hashing their bytes), after `seed`. */
function wordsChecksum(numbers: Uint32Array | Uint16Array, seed: number): number {
  return Math.imul(mixNumbers(numbers, seed | 0) ^ numbers.length, 0x01000193) >>> 0;
}

function factsChecksum(wordsSum: number, hashes: Uint32Array, stopWords: Uint16Array | Uint32Array, stemHashes: Uint32Array): number {
  return wordsChecksum(stemHashes, wordsChecksum(stopWords, wordsChecksum(hashes, wordsSum)));
}

/** A generation name no other lexicon has had: time and randomness, so two profiles never share one by chance. */
export function newLexiconGeneration(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The lexicon row of these words, with their stems when given (one stem number per word) and
 * their facts when given (one hash per word).
 */
export function packLexicon(keys: readonly string[], generation: string, stems?: LexiconStems, facts?: WordFacts): PackedLexicon {
  const encoder = new TextEncoder();
  const words = encoder.encode(keys.join(WORD_SEPARATOR));
  let packed: PackedLexicon = { generation, size: keys.length, words, checksum: checksum(words) };
  if (facts) {
    if (facts.hashes.length !== keys.length) throw new Error('lexicon facts: one hash per word');
    const hashes = Uint32Array.from(facts.hashes);
    const stopWords = keys.length <= 0x10000 ? Uint16Array.from(facts.stopWords) : Uint32Array.from(facts.stopWords);
    // The stems' hashes go with the stems they hash, and only then.
    const stemHashes = stems && facts.stemHashes?.length === stems.texts.length ? Uint32Array.from(facts.stemHashes) : new Uint32Array(0);
    packed = { ...packed, facts: FACTS_VERSION, hashes, stopWords, stemHashes, factsChecksum: factsChecksum(packed.checksum, hashes, stopWords, stemHashes) };
  }
  if (!stems) return packed;
  if (stems.stemOf.length !== keys.length) throw new Error('lexicon stems: one stem number per word');
  // Two bytes a word while the stem numbers fit (a library of any likely size), else four.
  const stemOf = stems.texts.length <= 0x10000 ? Uint16Array.from(stems.stemOf) : Uint32Array.from(stems.stemOf);
  const texts = encoder.encode(stems.texts.join(WORD_SEPARATOR));
  return { ...packed, stemmer: STEMMER_VERSION, stemOf, stems: texts, stemChecksum: stemChecksum(texts, stemOf) };
}

/** The words of a stored lexicon, in number order; throws when the row is damaged. */
export function unpackLexicon(stored: PackedLexicon): string[] {
  const { words, size } = stored;
  if (typeof stored.generation !== 'string' || !(words instanceof Uint8Array) || !Number.isInteger(size) || size < 0) {
    throw new Error('stored lexicon: malformed row');
  }
  if (checksum(words) !== stored.checksum) throw new Error('stored lexicon: checksum mismatch');
  if (size === 0) {
    if (words.length !== 0) throw new Error('stored lexicon: bytes without words');
    return [];
  }
  const keys = new TextDecoder().decode(words).split(WORD_SEPARATOR);
  if (keys.length !== size) throw new Error(`stored lexicon: ${keys.length} words where ${size} were written`);
  return keys;
}

/**
 * The stored stems of a lexicon row whose words are whole, or null when the row has none, has
 * them from another stemmer version, or has them damaged or inconsistent: its stems are then
 * worked out from the words. Stem numbers must come in order of first appearance, every text used.
 */
export function unpackLexiconStems(stored: PackedLexicon): LexiconStems | null {
  const { stemOf, stems, size } = stored;
  if (stored.stemmer !== STEMMER_VERSION) return null;
  if (!(stemOf instanceof Uint16Array || stemOf instanceof Uint32Array) || !(stems instanceof Uint8Array)) return null;
  if (stemOf.length !== size || stemChecksum(stems, stemOf) !== stored.stemChecksum) return null;
  const texts = size === 0 ? [] : new TextDecoder().decode(stems).split(WORD_SEPARATOR);
  if (size === 0 && stems.length !== 0) return null;
  let next = 0; // the number the next stem not seen before must have
  for (let i = 0; i < size; i++) {
    const st = stemOf[i];
    if (st > next) return null;
    if (st === next) next++;
  }
  if (next !== texts.length) return null; // (a text listed twice is caught by Lexicon.withStems)
  return { stemOf, texts };
}

/**
 * The stored facts of a lexicon row whose words are whole, or null when the row has none, has
 * them from another hashKey or stopword list, or has them damaged or of other words: they are then
 * worked out from the words. (Lexicon.fromKeys still spot-checks what it takes.)
 */
export function unpackLexiconFacts(stored: PackedLexicon): WordFacts | null {
  const { hashes, stopWords, stemHashes, size } = stored;
  if (stored.facts !== FACTS_VERSION) return null;
  if (!(hashes instanceof Uint32Array) || !(stopWords instanceof Uint16Array || stopWords instanceof Uint32Array) || !(stemHashes instanceof Uint32Array)) return null;
  if (hashes.length !== size || factsChecksum(stored.checksum, hashes, stopWords, stemHashes) !== stored.factsChecksum) return null;
  return { hashes, stopWords, stemHashes };
}
