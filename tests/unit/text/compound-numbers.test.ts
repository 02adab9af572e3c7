// mergeCompoundNumbers gives back its input array when nothing merges and copies it from the
// first merge on: the tokens must be those of the plain loop that always builds a new array.
import { describe, expect, it } from 'vitest';
import { mergeCompoundNumbers, type Token } from '../../../lib/text/tokenize';
import { compoundNumberKey } from '../../../lib/text/numbers';
import { createRng } from '../../../scripts/eval/prng';

/** The merge as a loop that pushes every token into a new array. */
function reference(tokens: Token[], gapCode: (a: Token) => number): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const a = tokens[k];
    const b = tokens[k + 1];
    if (b && b.normStart - a.normEnd === 1 && (gapCode(a) === 32 || gapCode(a) === 45)) {
      const key = compoundNumberKey(a.form, b.form);
      if (key !== null) {
        out.push({ start: a.start, end: b.end, normStart: a.normStart, normEnd: b.normEnd, form: `${a.form}-${b.form}`, key });
        k++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

describe('mergeCompoundNumbers', () => {
  it('gives the tokens of the plain loop on random word runs', () => {
    const words = ['twenty', 'ninety', 'seven', 'one', 'first', 'ninth', 'the', 'police', 'twenty', 'five'];
    const gaps = [32, 45, 44, 46, 39];
    const rng = createRng(23);
    let merged = 0;
    let untouched = 0;
    for (let round = 0; round < 20000; round++) {
      const tokens: Token[] = [];
      const gapAfter = new Map<Token, number>();
      let at = 0;
      const length = rng.int(0, 8);
      for (let k = 0; k < length; k++) {
        const form = rng.pick(words);
        const t: Token = { start: at + 3, end: at + 3 + form.length, normStart: at, normEnd: at + form.length, form, key: form };
        tokens.push(t);
        gapAfter.set(t, rng.pick(gaps));
        at = t.normEnd + rng.int(1, 2);
      }
      const gapCode = (a: Token) => gapAfter.get(a) ?? 0;
      const copy = [...tokens];
      const got = mergeCompoundNumbers(tokens, gapCode);
      const expected = reference(copy, gapCode);
      expect(got).toEqual(expected);
      expect(tokens).toEqual(copy); // the input is left as it was
      if (got.length < tokens.length) merged++;
      else if (got === tokens) untouched++;
    }
    expect(merged).toBeGreaterThan(1000);
    expect(untouched).toBeGreaterThan(1000);
  });
});

describe('compoundNumberKey', () => {
  // The tens and units as the number words are written, looked up without any shortcut.
  const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
  const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
  function plain(tens: string, unit: string): string | null {
    const t = TENS.indexOf(tens);
    if (t < 0) return null;
    const value = 20 + 10 * t;
    const u = UNITS.indexOf(unit);
    if (u >= 0) return String(value + u + 1);
    const o = ORDINALS.indexOf(unit);
    if (o < 0) return null;
    const n = value + o + 1;
    const suffix = n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
    return `${n}${suffix}`;
  }

  it('merges exactly the tens followed by a unit or an ordinal unit, whatever the words’ lengths', () => {
    const rng = createRng(17);
    const words = [...TENS, ...UNITS, ...ORDINALS, 'zero', 'ten', 'eleven', 'twentieth', 'hundred', 'tenth', 'forty-', 'fort', 'fortyy', 'seventyy', 'a', ''];
    for (let k = 0; k < 400; k++) words.push(Array.from({ length: rng.int(1, 9) }, () => rng.pick([...'aefnorstwxy'])).join(''));
    let merged = 0;
    for (const a of words) {
      for (const b of words) {
        const key = compoundNumberKey(a, b);
        expect(key).toBe(plain(a, b));
        if (key !== null) merged++;
      }
    }
    expect(merged).toBe(TENS.length * (UNITS.length + ORDINALS.length));
  });
});
