// @vitest-environment node
// The library lexicon row carries its words' light stems, so a cold load reads them instead of
// stemming every word. A lexicon taken from stored stems must be the lexicon stemming gives, field
// by field; stems that are missing, of another stemmer version, or damaged are never trusted.
import { beforeAll, describe, expect, it } from 'vitest';
import { Lexicon } from '../../../lib/match/lexicon';
import { LibraryIndex } from '../../../lib/match/library-index';
import { type PackedLexicon, packLexicon, unpackLexicon, unpackLexiconStems } from '../../../lib/match/packed-lexicon';
import { STEMMER_VERSION, isStopword, lightStem } from '../../../lib/text/stopwords';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { lexiconFields, sotuLexiconKeys } from './lexicon-fields';

/** Every field a lexicon's users read, as plain arrays. */
function stemsOf(lx: Lexicon) {
  return { stemOf: lx.stemOf, texts: lx.stems };
}

/** The lexicon a load makes of a row: stored stems when usable, else stemmed from the words. */
function loaded(row: PackedLexicon): Lexicon {
  const keys = unpackLexicon(row);
  const stems = unpackLexiconStems(row);
  if (stems) {
    try {
      return Lexicon.withStems(keys, stems.stemOf, stems.texts);
    } catch {
      // inconsistent: stemmed from the words below
    }
  }
  return Lexicon.fromKeys(keys);
}

let keys: string[];
let expected: ReturnType<typeof lexiconFields>;
beforeAll(() => {
  keys = sotuLexiconKeys();
  expected = lexiconFields(Lexicon.fromKeys(keys));
}, 120_000);

describe('the lexicon row with its stems', () => {
  it('round-trips the whole State of the Union lexicon: a lexicon from the stored stems equals one stemmed from scratch', () => {
    expect(keys.length).toBeGreaterThan(25_000);
    const row = packLexicon(keys, 'g1', stemsOf(Lexicon.fromKeys(keys)));
    expect(row.stemmer).toBe(STEMMER_VERSION);
    expect(row.stemOf).toBeInstanceOf(Uint16Array); // the stem numbers fit in two bytes
    expect(row.stemOf!.length).toBe(keys.length);
    const stems = unpackLexiconStems(row);
    expect(stems).not.toBeNull();
    const lx = Lexicon.withStems(unpackLexicon(row), stems!.stemOf, stems!.texts);
    expect(lexiconFields(lx)).toEqual(expected);
    // Taken, not worked out: nothing is left to stem, and words interned later are stemmed as usual.
    expect(lx.stemMore(1)).toBe(false);
    const id = lx.intern('zebraed');
    expect(lx.stems[lx.stemOf[id]]).toBe(lightStem('zebraed'));
  });

  it('more stems than two bytes can number are kept in four', () => {
    const many = Array.from({ length: 70_000 }, (_, i) => `w${i.toString(36)}x`);
    const whole = Lexicon.fromKeys(many);
    const row = packLexicon(many, 'g2', stemsOf(whole));
    expect(row.stemOf).toBeInstanceOf(Uint32Array);
    expect(lexiconFields(loaded(row))).toEqual(lexiconFields(whole));
  });

  it('a row without stems, of another stemmer version, or with damaged stems is stemmed afresh to the same lexicon', () => {
    const whole = packLexicon(keys, 'g3', stemsOf(Lexicon.fromKeys(keys)));
    const stemOf = whole.stemOf as Uint16Array;
    const outOfRange = stemOf.slice();
    outOfRange[keys.length - 1] = whole.stemOf!.length + 5; // past every stem number
    const outOfOrder = stemOf.slice();
    outOfOrder[0] = 1; // stem 1 before stem 0
    const flipped = whole.stems!.slice();
    flipped[10] ^= 0x01;
    const texts = Lexicon.fromKeys(keys).stems;
    // Sealed with a valid checksum: the numbers are still checked against the texts.
    const sealed = (numbers: ArrayLike<number>, stemTexts: readonly string[]) => packLexicon(keys, 'g3', { stemOf: numbers, texts: stemTexts });
    const repeated = [...texts];
    repeated[5] = repeated[4];
    const spoiled: [string, PackedLexicon][] = [
      ['no stems (a row written before stems were stored)', packLexicon(keys, 'g3')],
      ['another stemmer version', { ...whole, stemmer: STEMMER_VERSION + 1 }],
      ['no stemmer version', { ...whole, stemmer: undefined }],
      ['a stem number out of range', { ...whole, stemOf: outOfRange }],
      ['stem numbers out of order', { ...whole, stemOf: outOfOrder }],
      ['one number too few', { ...whole, stemOf: stemOf.slice(1) }],
      ['a damaged stem text', { ...whole, stems: flipped }],
      ['a missing stem text', { ...whole, stems: whole.stems!.slice(0, whole.stems!.lastIndexOf(10)) }],
      ['stems without numbers', { ...whole, stemOf: undefined }],
      ['numbers of the wrong type', { ...whole, stemOf: Array.from(stemOf) as unknown as Uint16Array }],
      ['sealed: a stem number out of range', sealed(outOfRange, texts)],
      ['sealed: stem numbers out of order', sealed(outOfOrder, texts)],
      ['sealed: a stem text no word has', sealed(stemOf, [...texts, 'unused'])],
    ];
    for (const [what, row] of spoiled) {
      expect(unpackLexiconStems(row), what).toBeNull();
      expect(unpackLexicon(row), what).toEqual(keys); // the words stay valid
      expect(lexiconFields(loaded(row)), what).toEqual(expected);
    }
    // A stem text listed twice passes the row's checks and is refused by the Lexicon.
    const twice = sealed(stemOf, repeated);
    expect(unpackLexiconStems(twice)).not.toBeNull();
    expect(lexiconFields(loaded(twice))).toEqual(expected);
  });
});

describe('STEMMER_VERSION', () => {
  // Stored stems are trusted while their version is STEMMER_VERSION. When lightStem or isStopword
  // changes, this fails: bump STEMMER_VERSION and set both figures below to the new ones.
  it('is bumped whenever the stems (or stopwords) of a fixed word list change', () => {
    const first = LibraryIndex.fromSources(loadSotuLibrary(1)).lexicon.keys.slice(0, 300);
    expect(first).toHaveLength(300);
    expect(first.slice(0, 3)).toEqual(['fellow', 'citizens', 'of']); // the list itself (Washington, 1790)
    let h = 0x811c9dc5;
    for (const key of first) {
      const s = `${lightStem(key)}${isStopword(key) ? '*' : ''}\n`;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    }
    expect({ version: STEMMER_VERSION, stems: (h >>> 0).toString(16) }).toEqual({ version: 1, stems: 'a2949399' });
  });
});
