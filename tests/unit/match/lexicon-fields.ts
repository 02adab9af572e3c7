// Comparing lexicons in the stored-lexicon tests: every field a lexicon answers with, as plain values.
import type { Lexicon } from '../../../lib/match/lexicon';

/** Words, stop flags, hashes, stems, stem groups, and the numbers each word and stem is found under. */
export function lexiconFields(lx: Lexicon) {
  return {
    keys: [...lx.keys],
    stop: [...lx.stop],
    hashes: [...lx.hashes],
    stemOf: [...lx.stemOf],
    stems: [...lx.stems],
    stemWords: lx.stemWords.map((w) => [...w]),
    ids: lx.keys.map((key) => lx.idOf(key)),
    stemIds: lx.stems.map((text) => lx.stemIdOf(text)),
  };
}
