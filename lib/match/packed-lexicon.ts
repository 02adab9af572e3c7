// The library lexicon as IndexedDB keeps it: one row holding every word the stored index rows
// number into, in word-number order, as UTF-8 bytes. It only ever grows: a word keeps its number
// for as long as the lexicon lives, so rows written earlier stay valid when later imports append
// words. Its generation names one such lexicon; a row is read only against the generation it was
// written with. The checksum tells a damaged row from a whole one.

/** What IndexedDB keeps for the library lexicon. */
export interface PackedLexicon {
  generation: string; // names this lexicon; a fresh lexicon gets a fresh one
  size: number; // how many words
  words: Uint8Array; // the words in number order, joined by WORD_SEPARATOR, as UTF-8
  checksum: number; // FNV-1a of `words`
}

/** Keys are words (letters, digits, inner apostrophes, number punctuation, a hyphen): never a line break. */
const WORD_SEPARATOR = '\n';

function checksum(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

/** A generation name no other lexicon has had: time and randomness, so two profiles never share one by chance. */
export function newLexiconGeneration(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function packLexicon(keys: readonly string[], generation: string): PackedLexicon {
  const words = new TextEncoder().encode(keys.join(WORD_SEPARATOR));
  return { generation, size: keys.length, words, checksum: checksum(words) };
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
