// Comparing lexicons in the stored-lexicon tests: every field a lexicon answers with, as plain values.
import { LibraryIndex } from '../../../lib/match/library-index';
import type { Lexicon } from '../../../lib/match/lexicon';
import { loadSotuLibrary } from '../../../scripts/eval/library';

/** Words, stop flags, hashes, stems, stem groups, and the numbers each word and stem is found under. */
export function lexiconFields(lx: Lexicon) {
  return {
    keys: [...lx.keys],
    stop: [...lx.stop],
    hashes: [...lx.hashes],
    stemOf: [...lx.stemOf],
    stems: [...lx.stems],
    stemWords: stemWordsOf(lx),
    ids: lx.keys.map((key) => lx.idOf(key)),
    stemIds: lx.stems.map((text) => lx.stemIdOf(text)),
  };
}

/** The words of each stem (the lexicon's stem groups), as one plain array per stem number. */
export function stemWordsOf(lx: Lexicon): number[][] {
  const groups = lx.stemGroups;
  return lx.stems.map((_, st) => [...groups.of(st)]);
}

/** The words of the State of the Union library's lexicon, in its numbering: the stored-lexicon tests' whole-library case. */
export function sotuLexiconKeys(): string[] {
  return [...LibraryIndex.fromSources(loadSotuLibrary()).lexicon.keys];
}
