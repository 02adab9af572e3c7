// @vitest-environment node
// The library lexicon row carries what a lexicon otherwise works out per word on every load: each
// word's hash, which words are stopwords, and each stem's hash. A lexicon taken from those must be
// the lexicon working them out gives, field by field and look-up by look-up; facts that are
// missing, of another version, damaged, of other words, or sealed but wrong are never taken.
import { beforeAll, describe, expect, it } from 'vitest';
import { hashKey } from '../../../lib/match/fingerprints';
import { KeyTable } from '../../../lib/match/key-table';
import { Lexicon, type WordFacts } from '../../../lib/match/lexicon';
import { FACTS_VERSION, type PackedLexicon, packLexicon, unpackLexicon, unpackLexiconFacts, unpackLexiconStems } from '../../../lib/match/packed-lexicon';
import { isStopword, lightStem } from '../../../lib/text/stopwords';
import { lexiconFields, sotuLexiconKeys } from './lexicon-fields';

/** Every field a lexicon's users read, as plain arrays, and the look-up of every key and stem. */
/** The lexicon a load makes of a row: everything stored that passes its checks, the rest worked out. */
function loaded(row: PackedLexicon): { lexicon: Lexicon; factsTaken: boolean } {
  const keys = unpackLexicon(row);
  const stems = unpackLexiconStems(row)!;
  const facts = unpackLexiconFacts(row);
  if (facts) {
    try {
      return { lexicon: Lexicon.withStems(keys, stems.stemOf, stems.texts, facts), factsTaken: true };
    } catch {
      // refused: worked out below
    }
  }
  return { lexicon: Lexicon.withStems(keys, stems.stemOf, stems.texts), factsTaken: false };
}

function packWhole(keys: readonly string[], generation: string, facts?: WordFacts): PackedLexicon {
  const lx = Lexicon.fromKeys(keys);
  return packLexicon(keys, generation, { stemOf: lx.stemOf, texts: lx.stems }, facts ?? lx.facts());
}

let keys: string[];
let expected: ReturnType<typeof lexiconFields>;
beforeAll(() => {
  keys = sotuLexiconKeys();
  expected = lexiconFields(Lexicon.fromKeys(keys));
}, 120_000);

describe('the lexicon row with its word facts', () => {
  it('round-trips the whole State of the Union lexicon: a lexicon from the stored facts equals one that works them out', () => {
    expect(keys.length).toBeGreaterThan(25_000);
    const row = structuredClone(packWhole(keys, 'g1'));
    expect(row.facts).toBe(FACTS_VERSION);
    expect(row.hashes).toEqual(Uint32Array.from(keys, hashKey));
    expect([...row.stopWords!]).toEqual(keys.flatMap((key, id) => (isStopword(key) ? [id] : [])));
    expect(row.stemHashes).toHaveLength(expected.stems.length);
    const { lexicon, factsTaken } = loaded(row);
    expect(factsTaken).toBe(true);
    expect(lexiconFields(lexicon)).toEqual(expected);
    // Words absent from the library, and stems no word has, are absent; words interned later are numbered, hashed and stemmed as usual.
    for (const absent of ['zyxwvut', 'quaggas', '', 'The']) expect(lexicon.idOf(absent)).toBe(-1);
    expect(lexicon.stemIdOf('zyxwvut')).toBe(-1);
    const id = lexicon.intern('zyxwvut');
    expect(id).toBe(keys.length);
    expect(lexicon.intern('zyxwvut')).toBe(id);
    expect(lexicon.hashes[id]).toBe(hashKey('zyxwvut'));
    expect(lexicon.stop[id]).toBe(false);
    expect(lexicon.stems[lexicon.stemOf[id]]).toBe(lightStem('zyxwvut'));
    expect(lexicon.stemIdOf(lightStem('zyxwvut'))).toBe(lexicon.stemOf[id]);
    expect(lexicon.intern('the')).toBe(keys.indexOf('the'));
    // The stored facts are copied, not shared: interning does not write into the row's arrays.
    expect(row.hashes).toHaveLength(keys.length);
  });

  it('facts missing, of another version, damaged or of other words are not read, and the lexicon is the same', () => {
    const whole = packWhole(keys, 'g2');
    const flipped = whole.hashes!.slice();
    flipped[100] ^= 1;
    const otherWords = packWhole([...keys.slice(0, -1), 'zyxwvut'], 'g2');
    const spoiled: [string, PackedLexicon][] = [
      ['no facts (a row written before they were stored)', { ...whole, facts: undefined, hashes: undefined, stopWords: undefined, stemHashes: undefined, factsChecksum: undefined }],
      ['another version', { ...whole, facts: 'hash0-stop1' }],
      ['a damaged hash', { ...whole, hashes: flipped }],
      ['a stopword left out', { ...whole, stopWords: whole.stopWords!.slice(1) }],
      ['one hash too few', { ...whole, hashes: whole.hashes!.slice(1) }],
      ['no stem hashes', { ...whole, stemHashes: undefined }],
      ['hashes of the wrong type', { ...whole, hashes: Array.from(whole.hashes!) as unknown as Uint32Array }],
      ['facts of other words (the words rewritten, the facts kept)', { ...whole, words: otherWords.words, checksum: otherWords.checksum }],
    ];
    for (const [what, row] of spoiled) {
      const facts = (() => {
        try {
          return unpackLexiconFacts(row);
        } catch {
          return 'threw';
        }
      })();
      expect(facts, what).toBeNull();
    }
    // The words are still whole where only the facts were spoiled: worked out, they give the same lexicon.
    for (const [what, row] of spoiled.slice(0, -1)) {
      const { lexicon, factsTaken } = loaded(row);
      expect(factsTaken, what).toBe(false);
      expect(lexiconFields(lexicon), what).toEqual(expected);
    }
  });

  it('facts sealed with a valid checksum but not hashKey\'s or isStopword\'s are refused when taken', () => {
    const lx = Lexicon.fromKeys(keys);
    const good = lx.facts();
    const otherHash = Uint32Array.from(keys, (key) => hashKey(key) ^ 0x5bd1e995); // another hash function
    const lastWrong = good.hashes.slice();
    lastWrong[keys.length - 1] ^= 0x100;
    const notStop = keys.findIndex((key) => !isStopword(key));
    const stopWords = Array.from(good.stopWords);
    const sealed: [string, WordFacts][] = [
      ['another hash function', { ...good, hashes: otherHash }],
      ['the last hash wrong', { ...good, hashes: lastWrong }],
      ['a word flagged that is no stopword', { ...good, stopWords: [...stopWords, notStop].sort((a, b) => a - b) }],
      ['stopwords out of order', { ...good, stopWords: [...stopWords].reverse() }],
      ['a stopword number past the words', { ...good, stopWords: [...stopWords, keys.length] }],
      ['stem hashes of another function', { ...good, stemHashes: Uint32Array.from(lx.stems, (t) => hashKey(t) + 1) }],
    ];
    for (const [what, facts] of sealed) {
      const row = packWhole(keys, 'g3', facts);
      expect(unpackLexiconFacts(row), what).not.toBeNull(); // the checksum holds: the checks on taking catch it
      const { lexicon } = loaded(row);
      expect(lexiconFields(lexicon), what).toEqual(expected);
    }
    // Wrong stem hashes are worked out again, the words' facts still taken.
    const stemsWrong = loaded(packWhole(keys, 'g3', { ...good, stemHashes: Uint32Array.from(lx.stems, (t) => hashKey(t) + 1) }));
    expect(stemsWrong.factsTaken).toBe(true);
  });

  it('a repeated word is refused with facts as without', () => {
    const repeated = [...keys.slice(0, 50), keys[7]];
    const hashes = Uint32Array.from(repeated, hashKey);
    expect(() => Lexicon.fromKeys(repeated)).toThrow(/repeat/);
    expect(() => Lexicon.fromKeys(repeated, { hashes, stopWords: [] })).toThrow();
  });
});

describe('the key table', () => {
  it('numbers every State of the Union word as a Map would, and finds no other', () => {
    const hashes = Uint32Array.from(keys, hashKey);
    const table = new KeyTable();
    // Added in pieces, so that the table grows several times on the way.
    for (let from = 0; from < keys.length; from += 997) expect(table.addAll(from, Math.min(keys.length, from + 997), keys, hashes)).toBe(-1);
    expect(table.size).toBe(keys.length);
    const map = new Map(keys.map((key, id) => [key, id]));
    for (const key of keys) expect(table.find(hashKey(key), key, keys, hashes)).toBe(map.get(key));
    for (const key of ['zyxwvut', 'The', 'nation ', '']) expect(table.find(hashKey(key), key, keys, hashes)).toBe(-1);
  });

  it('tells keys apart whose hashes are equal, and finds a repeat among them', () => {
    const words = ['alpha', 'beta', 'gamma', 'delta', 'beta'];
    const same = new Uint32Array(words.length).fill(12345); // every hash colliding
    const table = new KeyTable(2);
    expect(table.addAll(0, 4, words, same)).toBe(-1);
    words.slice(0, 4).forEach((word, id) => expect(table.find(12345, word, words, same)).toBe(id));
    expect(table.find(12345, 'epsilon', words, same)).toBe(-1);
    expect(table.addAll(4, 5, words, same)).toBe(4); // 'beta' again: refused
    expect(table.size).toBe(4);
  });
});
