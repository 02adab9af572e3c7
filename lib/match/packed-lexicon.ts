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
}

/** The light stems of a lexicon's words: numbered in order of first appearance, as Lexicon numbers them. */
export interface LexiconStems {
  stemOf: ArrayLike<number>; // each word's stem number
  texts: readonly string[]; // each stem number's text
}

/** Keys are words (letters, digits, inner apostrophes, number punctuation, a hyphen): never a line break. */
const WORD_SEPARATOR = '\n';

function checksum(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

function stemChecksum(stems: Uint8Array, stemOf: Uint16Array | Uint32Array): number {
  return checksum(new Uint8Array(stemOf.buffer, stemOf.byteOffset, stemOf.byteLength), checksum(stems));
}

/** A generation name no other lexicon has had: time and randomness, so two profiles never share one by chance. */
export function newLexiconGeneration(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The lexicon row of these words, with their stems when given (one stem number per word). */
export function packLexicon(keys: readonly string[], generation: string, stems?: LexiconStems): PackedLexicon {
  const encoder = new TextEncoder();
  const words = encoder.encode(keys.join(WORD_SEPARATOR));
  const packed: PackedLexicon = { generation, size: keys.length, words, checksum: checksum(words) };
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
