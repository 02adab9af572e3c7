// The build-time word scanner must give exactly the tokens of tokenize(text): the same offsets and
// the same matching keys (through the caller's numbering), on real libraries and on random text
// full of the characters normalisation treats specially.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../lib/text/tokenize';
import { WordScanner } from '../../../lib/text/scan-words';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { createRng } from '../../../scripts/eval/prng';

const CORPUS = join(__dirname, '../../fixtures/corpus');

/** A numbering as a caller would give one: keys numbered in the order asked, kept for lookup. */
function numbering(): { keys: string[]; numberOf: (key: string) => number } {
  const keys: string[] = [];
  const ids = new Map<string, number>();
  return {
    keys,
    numberOf: (key) => {
      let id = ids.get(key);
      if (id === undefined) {
        id = keys.length;
        ids.set(key, id);
        keys.push(key);
      }
      return id;
    },
  };
}

/** The first token where scanner and tokenize disagree, described; null when they agree throughout. */
function firstDifference(text: string, scanner: WordScanner, keys: readonly string[]): string | null {
  const expected = tokenize(text);
  const got = scanner.scan(text);
  const n = Math.max(expected.length, got.tokenStarts.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const g =
      i < got.tokenStarts.length ? { start: got.tokenStarts[i], end: got.tokenEnds[i], key: keys[got.tokenWords[i]] } : undefined;
    if (!e || !g || e.start !== g.start || e.end !== g.end || e.key !== g.key) {
      const at = e?.start ?? g?.start ?? 0;
      return `token ${i} near ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 30))}: tokenize ${JSON.stringify(
        e && { start: e.start, end: e.end, key: e.key },
      )}, scanner ${JSON.stringify(g)}`;
    }
  }
  return null;
}

function scanMatches(text: string): void {
  const { keys, numberOf } = numbering();
  expect(firstDifference(text, new WordScanner(numberOf), keys)).toBeNull();
}

describe('WordScanner', () => {
  it('gives offsets and numbered keys of each word', () => {
    const { keys, numberOf } = numbering();
    const text = 'The police can’t tackle the organisation alone.';
    const got = new WordScanner(numberOf).scan(text);
    const words = Array.from(got.tokenStarts, (s, i) => text.slice(s, got.tokenEnds[i]));
    expect(words).toEqual(['The', 'police', 'can’t', 'tackle', 'the', 'organisation', 'alone']);
    expect(Array.from(got.tokenWords, (w) => keys[w])).toEqual(['the', 'police', "can't", 'tackle', 'the', 'organization', 'alone']);
    expect(got.tokenWords[0]).toBe(got.tokenWords[4]); // "The" and "the": one number
  });

  it('merges compound numbers as tokenize does, across a hyphen or any run of blanks', () => {
    const { keys, numberOf } = numbering();
    const text = 'Twenty-seven, twenty \n one and twenty twenty first; ninety -nine and forty- two';
    const got = new WordScanner(numberOf).scan(text);
    expect(Array.from(got.tokenWords, (w) => keys[w])).toEqual(['27', '21', 'and', '20', '21st', '90', '9', 'and', '40', '2']);
    scanMatches(text);
  });

  it.each([
    ['a line-break hyphenation', 'to prevent and investi-\ngation of abuse; well-\r\n known; twenty-\none'],
    ['grouped and decimal numbers', '1,200 children, 2.5 per cent, 3,4,5 and 1.2.3. Also 1st, 22nd and 007.'],
    ['apostrophes of every glyph', "can't can’t can`t forces’ ‘quoted’ rock'n'roll 'tis o'clock ʼtwas"],
    ['ligatures and compatibility forms', 'ﬁnance ﬂow ｔｗｅｎｔｙ-ｏｎｅ ２０２３ x² ½ 𝐀𝐁 …'],
    ['combining marks and diacritics', 'café cafe\u0301 naïve nai\u0308ve \u0301lone e\u0301-mail I\u0307stanbul İstanbul Straße'],
    ['invisible characters and odd spaces', 'soft\u00ADware zero\u200Bwidth twenty\u00A0one twenty\u200B one word\u2060joiner\uFEFF ideo\u3000graphic'],
    ['dashes of every kind', 'a—b a–b a‑b a‐b a−b twenty–one twenty—one x\u2010\ny'],
    ['compound numbers beside special characters', 'twenty one— “ninety nine” twenty\none… forty ﬁve thirty ｏｎｅ sixty-\nfour'],
    ['a text that is only special', '“”‘’—…\u00A0\u200B'],
    ['an empty text', ''],
  ])('agrees with tokenize on %s', (_name, text) => {
    scanMatches(text);
  });

  it('reads a word longer than a function may take arguments', () => {
    scanMatches(`twenty ${'x7'.repeat(150_000)} nine 1${',000'.repeat(50_000)}`);
  });

  it('keeps its table across texts: a word met before is not keyed again', () => {
    const seen: string[] = [];
    const { keys, numberOf } = numbering();
    const scanner = new WordScanner((key) => {
      seen.push(key);
      return numberOf(key);
    });
    expect(firstDifference('The state of the Union is strong.', scanner, keys)).toBeNull();
    const asked = seen.length;
    expect(firstDifference('the union is STRONG, the State is', scanner, keys)).toBeNull();
    expect(seen.length).toBe(asked);
    expect(scanner.formCount).toBe(6);
  });

  it('agrees with tokenize on random text rich in the characters normalisation changes', () => {
    const pieces = [
      ...'abcdeXYZ0123456789',
      ' ', ' ', ' ', '  ', '\n', '\n\n', '\t', '\r\n', '.', ',', "'", '-', '--', '`', '"', '/', '(', ')', ';',
      '‘', '’', '“', '”', '‚', '„', '′', 'ʼ', '´', '«', '»',
      '‐', '‑', '‒', '–', '—', '−', '﹘', '…',
      'ﬁ', 'ﬂ', 'ﬀ', 'ﬃ', '\u0301', '\u0308', '\u0327',
      '\u00A0', '\u202F', '\u2009', '\u3000', '\u200B', '\u200D', '\u00AD', '\uFEFF', '\u2060', '\u0085',
      'é', 'ü', 'İ', 'ß', 'Ω', '１', 'ｔ', '٣', '²', '½', '𝐀', '😀',
      'twenty', 'Thirty', 'ninety', 'one', 'nine', 'first', 'Ninth', 'seven', 'ten', 'zero', 'eleven',
      'twenty ', 'forty-', 'sixty ', ' one', ' nine', ' first',
      'colour', 'organise', 'centre', 'programme', "don't", 'the', 'The', 'THE',
      '1,200', '2.5', '1st', '0042', '3,00', 'investi-\ngation', '-\r\n', '- \n ', '-\n\t',
    ];
    const rng = createRng(6);
    const shared = numbering();
    const scanner = new WordScanner(shared.numberOf);
    for (let round = 0; round < 4000; round++) {
      let text = '';
      const length = rng.int(1, 40);
      for (let k = 0; k < length; k++) text += rng.pick(pieces);
      const difference = firstDifference(text, scanner, shared.keys);
      if (difference !== null) expect(`${JSON.stringify(text)}: ${difference}`).toBe('');
      if (round % 10 === 0) scanMatches(text); // and with a fresh table
    }
  });

  it('agrees with tokenize on the corpus: the sources and the reference article', () => {
    const files = [
      ...readdirSync(join(CORPUS, 'sources'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(CORPUS, 'sources', f)),
      join(CORPUS, 'articles/wilby-2023-12-08.txt'),
      join(CORPUS, 'articles/wilby-2023-12-08.html'),
    ];
    expect(files.length).toBeGreaterThanOrEqual(6);
    const { keys, numberOf } = numbering();
    const scanner = new WordScanner(numberOf);
    for (const file of files) expect(firstDifference(readFileSync(file, 'utf8'), scanner, keys), file).toBeNull();
  });

  it('agrees with tokenize on every State of the Union address, one table for all', () => {
    const library = loadSotuLibrary();
    expect(library).toHaveLength(233);
    // The library holds the cases that matter: characters outside ASCII, numbers, compound numbers.
    const all = library.map((s) => s.text).join('\n');
    expect(all).toMatch(/[’—“]/);
    expect(all).toMatch(/\d{1,3},\d{3}/);
    expect(all).toMatch(/twenty-(one|two|five)/i);
    const { keys, numberOf } = numbering();
    const scanner = new WordScanner(numberOf);
    for (const s of library) expect(firstDifference(s.text, scanner, keys), s.id).toBeNull();
  }, 60_000); // tokenize over 1.8 M words takes a few seconds, more on a busy machine
});
