// The matcher's tokeniser for quotes and their context must give exactly tokenize's tokens: every
// field (offsets in both texts, form, key), on random text, on quotes, on the corpus and the SOTU library.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../lib/text/tokenize';
import { tokenizeQuick } from '../../../lib/text/quick-tokenize';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { createRng } from '../../../scripts/eval/prng';

const CORPUS = join(__dirname, '../../fixtures/corpus');

function same(text: string): void {
  const got = tokenizeQuick(text);
  const expected = tokenize(text);
  if (JSON.stringify(got) !== JSON.stringify(expected)) {
    expect({ text, got }).toEqual({ text, got: expected });
  }
}

/** same() on 5,000 texts of 1–40 pieces picked at random (seeded). */
function sameOnRandomTexts(pieces: readonly string[], seed: number): void {
  const rng = createRng(seed);
  for (let round = 0; round < 5000; round++) {
    let text = '';
    const length = rng.int(1, 40);
    for (let k = 0; k < length; k++) text += rng.pick(pieces);
    same(text);
  }
}

describe('tokenizeQuick', () => {
  it('gives the tokens of tokenize, every field', () => {
    const text = '  The  police\tcan’t “tackle” the  ORGANISATION — twenty-seven,\r\n twenty \n one `twas 1,200.5';
    const got = tokenizeQuick(text);
    expect(got.map((t) => t.key)).toEqual(['the', 'police', "can't", 'tackle', 'the', 'organization', '27', '21', 'twas', '1200.5']);
    expect(got[2]).toMatchObject({ start: 14, end: 19, normStart: 12, normEnd: 17, form: "can't" });
    expect(got).toEqual(tokenize(text));
  });

  it.each([
    ['a line-break hyphenation', 'to prevent and investi-\ngation of abuse; well-\r\n known; twenty-\none'],
    ['characters it hands on', 'café naïve ﬁnance ｔｗｅｎｔｙ x² soft\u00ADware twenty\u00A0one a‐b ″'],
    ['only marks', '“”‘’—–«»`\'"-'],
    ['an empty text', ''],
  ])('agrees with tokenize on %s', (_name, text) => {
    same(text);
  });

  it('agrees with tokenize on random text', () => {
    const pieces = [
      ...'abcdeXYZ0123456789',
      ' ', '  ', '\n', '\n\n', '\t', '\r\n', '.', ',', "'", '-', '--', '`', '"', '/', '(', ')', ';', '\u0001', '\u007f',
      '‘', '’', '“', '”', '«', '»', '–', '—', '‐', '−', '′', '″', 'ʼ', '´', '…', 'é', '\u0301', '\u00A0', '\u00AD', 'ﬁ',
      'twenty', 'Thirty', 'ninety', 'one', 'nine', 'first', 'twenty ', 'forty-', ' one', "don't", 'colour', 'THE',
      '1,200', '2.5', '1st', 'investi-\ngation', '-\r\n', '- \n ', '-\n\t',
    ];
    sameOnRandomTexts(pieces, 11);
  });

  it('reads an ellipsis itself (three full stops once normalised) and agrees with tokenize around it', () => {
    // Only characters the quick path handles, so that it never hands the text on: the offsets in
    // the normalised text move by two at each ellipsis, numbers and compound numbers meet them.
    const text = 'the “police” … and […] twenty…one 1…5 1.…2 don’…t, 2,… forty … two…';
    const got = tokenizeQuick(text);
    expect(got).toEqual(tokenize(text));
    expect(got.find((t) => t.form === 'and')).toMatchObject({ start: 15, end: 18, normStart: 17, normEnd: 20 });
    const pieces = [
      ...'abcXY019', ' ', '  ', '\n', '\t', '.', ',', "'", '-', '[', ']', '…', '……', ' … ', '[…]', '“', '’', '—',
      'twenty', 'forty', 'one', 'nine', 'twenty ', 'forty-', '1,200', '2.5', "don't",
    ];
    sameOnRandomTexts(pieces, 29);
  });

  it('gives the same tokens for words it has seen before, after its recent words have been replaced', () => {
    // More distinct words than the recent-words table holds, so that slots are reused, and
    // forms that differ only in case, quote style or length.
    const rng = createRng(5);
    const letters = 'abcdefghij';
    const words = Array.from({ length: 9000 }, () => Array.from({ length: rng.int(1, 9) }, () => rng.pick([...letters])).join(''));
    const texts = Array.from({ length: 300 }, () => Array.from({ length: 60 }, () => rng.pick(words)).join(' '));
    for (const text of texts) same(text);
    for (const text of texts) same(text.toUpperCase().replace(/a/g, '’'));
    for (const text of texts.slice(0, 50)) same(text);
  });

  it('agrees with tokenize on the corpus and on every paragraph of the SOTU library', () => {
    const files = [
      ...readdirSync(join(CORPUS, 'sources'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(CORPUS, 'sources', f)),
      join(CORPUS, 'articles/wilby-2023-12-08.txt'),
    ];
    for (const f of files) for (const p of readFileSync(f, 'utf8').split('\n\n')) same(p);
    for (const source of loadSotuLibrary()) for (const p of source.text.split('\n\n')) same(p);
  }, 60_000); // tokenize over 1.8 M words takes seconds, more on a busy machine
});
