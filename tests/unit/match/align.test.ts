import { describe, expect, it } from 'vitest';
import { alignWords } from '../../../lib/match/align';
import { parseQuote } from '../../../lib/match/quote-parts';

const w = (s: string) => s.split(' ');

describe('alignWords', () => {
  it('aligns globally with substitutions, insertions and deletions', () => {
    const q = w('a b x d e');
    const s = w('a b c d f e');
    const kinds = alignWords(q, 0, q.length, s, 0, s.length, 'global').map((c) => c.kind);
    expect(kinds).toEqual(['eq', 'eq', 'sub', 'eq', 'del', 'eq']);
  });

  it('fits a short quote anywhere inside a longer source', () => {
    const q = w('c d e');
    const s = w('a b c d e f g');
    const cols = alignWords(q, 0, q.length, s, 0, s.length, 'fit');
    expect(cols.map((c) => [c.kind, c.s])).toEqual([['eq', 2], ['eq', 3], ['eq', 4]]);
  });

  it('anchors edges next to the matching run (prefix keeps substitutions at the start)', () => {
    const q = w('investigate and the police');
    const s = w('investig');
    const cols = alignWords(q, 0, q.length, s, 0, s.length, 'prefix');
    expect(cols[0]).toEqual({ kind: 'sub', q: 0, s: 0 });
    expect(cols.slice(1).every((c) => c.kind === 'ins')).toBe(true);
    const lead = alignWords(w('it cannot be'), 0, 3, w('families it shouldn\'t be'), 0, 4, 'suffix');
    expect(lead.map((c) => c.kind)).toEqual(['eq', 'sub', 'eq']);
  });
});

describe('parseQuote', () => {
  it('splits at elisions and brackets and records editorial marks', () => {
    const p = parseQuote('One two three … four five [the police] six seven [sic] eight');
    expect(p.parts.map((x) => [x.sep, p.tokens.slice(x.from, x.to).map((t) => t.form).join(' ')])).toEqual([
      ['start', 'one two three'],
      ['elision', 'four five'],
      ['bracket', 'six seven'],
      ['sic', 'eight'],
    ]);
    expect(p.editorial).toBe(true);
    expect(p.words).toBe(8);
    expect([...p.bracketed].map((i) => p.tokens[i].form)).toEqual(['the', 'police', 'sic']);
  });

  it('treats edge elisions as plain edges but edge brackets as editorial', () => {
    expect(parseQuote('… and the police').editorial).toBe(false);
    expect(parseQuote('… and the police').parts).toHaveLength(1);
    expect(parseQuote('[They] said so').editorial).toBe(true);
    expect(parseQuote('[T]he police').parts[0]).toMatchObject({ from: 0, to: 2 });
    expect(parseQuote('[T]he police').editorial).toBe(true);
  });

  it('recognises every elision style', () => {
    for (const mark of ['…', '...', '. . .', '[…]', '[...]', '[ … ]', '(...)']) {
      const p = parseQuote(`alpha beta ${mark} gamma delta`);
      expect(p.parts.map((x) => x.sep)).toEqual(['start', 'elision']);
      expect(p.editorial).toBe(false);
    }
  });
});
