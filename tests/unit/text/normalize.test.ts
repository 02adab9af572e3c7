import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeForMatch } from '../../../lib/text/normalize';

describe('normalizeForMatch', () => {
  it('folds case, quotes, apostrophes, dashes and the ellipsis', () => {
    expect(normalizeForMatch('“It’s ‘Here’” – now—then…').text).toBe(`"it's 'here'" - now-then...`);
  });

  it('drops soft hyphens and zero-width characters, turns NBSP and whitespace runs into one space', () => {
    expect(normalizeForMatch('vic\u00ADtim\u200B blaming\u00A0 \n\t now').text).toBe('victim blaming now');
  });

  it('expands ligatures and composes combining marks (NFKC)', () => {
    expect(normalizeForMatch('ﬁnd the ﬂaw').text).toBe('find the flaw');
    expect(normalizeForMatch('cafe\u0301').text).toBe('café');
  });

  it('joins a word hyphenated across a line break, but keeps real hyphens and dashes', () => {
    const src = 'to prevent and investi-\ngation of';
    const n = normalizeForMatch(src);
    expect(n.text).toBe('to prevent and investigation of');
    // The joined word maps back over the break.
    const at = n.text.indexOf('investigation');
    expect(src.slice(n.toOriginal(at), n.ends[at + 'investigation'.length - 1])).toBe('investi-\ngation');
    expect(normalizeForMatch('victim-blaming').text).toBe('victim-blaming');
    expect(normalizeForMatch('end -\nThe').text).toBe('end - the');
  });

  it('maps every normalised character back to the original character it came from', () => {
    const src = 'A\u00A0“Staggering”… ﬁgure';
    const n = normalizeForMatch(src);
    for (let i = 0; i < n.text.length; i++) {
      const o = n.toOriginal(i);
      const orig = src.slice(o, n.ends[i]);
      expect(orig.length).toBeGreaterThan(0);
    }
    expect(n.toOriginal(n.text.length)).toBe(src.length);
    expect(src[n.toOriginal(n.text.indexOf('staggering'))]).toBe('S');
  });

  it('keeps letter case when asked', () => {
    expect(normalizeForMatch('The ‘Police’', { fold: false }).text).toBe("The 'Police'");
  });

  it('property: the offset map is monotonic and stays inside the original', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.string({ maxLength: 80 }),
      fc.array(fc.constantFrom('a', 'B', ' ', '\n', '-', '-\n', '’', '“', '…', '\u00AD', '\u200B', 'ﬁ', 'e\u0301', '\u00A0', 'İ', 'ß', '😀', '１'), { maxLength: 60 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (src) => {
        const n = normalizeForMatch(src);
        let prev = 0;
        for (let i = 0; i < n.text.length; i++) {
          const o = n.toOriginal(i);
          if (o < prev || o < 0 || o >= src.length) return false;
          if (n.ends[i] <= o || n.ends[i] > src.length) return false;
          prev = o;
        }
        return n.toOriginal(n.text.length) === src.length;
      }),
      { numRuns: 500 },
    );
  });
});

describe('normalizeForMatch fast and slow paths', () => {
  it('treat ASCII the same whether or not it sits next to other characters', () => {
    expect(normalizeForMatch('A`B').text).toBe("a'b");
    expect(normalizeForMatch('ABC\u00E9').text).toBe(normalizeForMatch('abc').text + 'é');
    expect(normalizeForMatch('e\u0301A').text).toBe('éa');
  });
});
