import { describe, expect, it } from 'vitest';
import { alignWords, alignWordsByTable, type AlignMode, type Column, type Keys } from '../../../lib/match/align';
import { createRng } from '../../../scripts/eval/prng';
import { parseQuote } from '../../../lib/match/quote-parts';
import { BIT_COLUMNS_MAX_WORDS, bitCell, fillBitColumns } from '../../../lib/match/bit-columns';

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

/** The alignment by the textbook table: every cell from its three neighbours read from the table. */
function plainAlign(qKeys: Keys, qFrom: number, qTo: number, sKeys: Keys, sFrom: number, sTo: number, mode: AlignMode): Column[] {
  if (mode === 'prefix') {
    const q = Array.from({ length: qTo - qFrom }, (_, i) => qKeys[qTo - 1 - i]);
    const s = Array.from({ length: sTo - sFrom }, (_, j) => sKeys[sTo - 1 - j]);
    return plainAlign(q, 0, q.length, s, 0, s.length, 'suffix')
      .map((c) => ({ kind: c.kind, q: c.q >= 0 ? qTo - 1 - c.q : -1, s: c.s >= 0 ? sTo - 1 - c.s : -1 }))
      .reverse();
  }
  const m = qTo - qFrom;
  const n = sTo - sFrom;
  const freeStart = mode === 'suffix' || mode === 'fit';
  const d: number[][] = [];
  for (let i = 0; i <= m; i++) {
    d.push([]);
    for (let j = 0; j <= n; j++) {
      if (i === 0) d[i][j] = freeStart ? 0 : j;
      else if (j === 0) d[i][j] = i;
      else d[i][j] = Math.min(d[i - 1][j - 1] + (qKeys[qFrom + i - 1] === sKeys[sFrom + j - 1] ? 0 : 1), d[i - 1][j] + 1, d[i][j - 1] + 1);
    }
  }
  let j = n;
  if (mode === 'fit') for (let jj = n; jj >= 0; jj--) if (d[m][jj] < d[m][j]) j = jj;
  const cols: Column[] = [];
  let i = m;
  while (i > 0 || j > 0) {
    if (i === 0) {
      if (freeStart) break;
      cols.push({ kind: 'del', q: -1, s: sFrom + --j });
      continue;
    }
    const same = j > 0 && qKeys[qFrom + i - 1] === sKeys[sFrom + j - 1];
    if (j > 0 && d[i][j] === d[i - 1][j - 1] + (same ? 0 : 1)) cols.push({ kind: same ? 'eq' : 'sub', q: qFrom + --i, s: sFrom + --j });
    else if (j === 0 || d[i][j] === d[i - 1][j] + 1) cols.push({ kind: 'ins', q: qFrom + --i, s: -1 });
    else cols.push({ kind: 'del', q: -1, s: sFrom + --j });
  }
  return cols.reverse();
}

describe('alignWords against the textbook table', () => {
  it('gives the same columns in every mode, on word numbers and on strings', () => {
    const rng = createRng(17);
    const modes: AlignMode[] = ['global', 'prefix', 'suffix', 'fit'];
    for (let round = 0; round < 3000; round++) {
      const vocabulary = rng.int(2, 6); // few distinct words: many ties
      const q = Int32Array.from({ length: rng.int(0, 12) }, () => rng.int(0, vocabulary - 1));
      const s = Uint32Array.from({ length: rng.int(0, 16) }, () => rng.int(0, vocabulary - 1));
      const qFrom = rng.int(0, Math.min(2, q.length));
      const sFrom = rng.int(0, Math.min(3, s.length));
      const mode = modes[round % 4];
      const expected = plainAlign(q, qFrom, q.length, s, sFrom, s.length, mode);
      expect(alignWordsByTable(q, qFrom, q.length, s, sFrom, s.length, mode)).toEqual(expected);
      expect(alignWords(q, qFrom, q.length, s, sFrom, s.length, mode)).toEqual(expected);
      const qs = Array.from(q, String);
      const ss = Array.from(s, String);
      expect(alignWords(qs, qFrom, qs.length, ss, sFrom, ss.length, mode)).toEqual(expected);
    }
  });
});

/** The textbook table of a free-start alignment (first row 0, first column i), every cell. */
function plainTable(q: Keys, qFrom: number, m: number, s: Keys, sFrom: number, n: number): number[][] {
  const d: number[][] = [];
  for (let i = 0; i <= m; i++) {
    d.push([]);
    for (let j = 0; j <= n; j++) {
      if (i === 0) d[i][j] = 0;
      else if (j === 0) d[i][j] = i;
      else d[i][j] = Math.min(d[i - 1][j - 1] + (q[qFrom + i - 1] === s[sFrom + j - 1] ? 0 : 1), d[i - 1][j] + 1, d[i][j - 1] + 1);
    }
  }
  return d;
}

describe('the table held as bit vectors', () => {
  it('gives every cell of the textbook table, up to 32 quote words', () => {
    const rng = createRng(29);
    for (let round = 0; round < 1500; round++) {
      // Few words (many ties), or mostly distinct ones (the word table's probes run on past collisions).
      const vocabulary = round % 7 === 0 ? 100_000 : rng.int(1, round % 3 === 0 ? 4 : 40);
      const m = round < 200 ? 32 - (round % 3) : rng.int(1, BIT_COLUMNS_MAX_WORDS);
      const n = rng.int(0, 60);
      // Large source word numbers (past 2^31) and quote words the library lacks (−1) too.
      const big = round % 5 === 0 ? 2 ** 31 + 7 : 0;
      const q = Int32Array.from({ length: m + 3 }, () => (rng.int(0, 9) === 0 ? -1 : rng.int(0, vocabulary - 1) + (big ? -2 : 0)));
      const s = Uint32Array.from({ length: n + 2 }, (_, k) => (vocabulary > 1000 && k % 2 === 0 ? q[rng.int(0, m + 2)] : rng.int(0, vocabulary - 1)));
      if (big) for (let k = 0; k < s.length; k += 3) s[k] = big;
      const qFrom = rng.int(0, 3);
      const sFrom = rng.int(0, 2);
      const lastRow = new Int32Array(n + 1);
      fillBitColumns(q, qFrom, m, s, sFrom, n, lastRow);
      const d = plainTable(q, qFrom, m, s, sFrom, n);
      for (let i = 0; i <= m; i++) for (let j = 0; j <= n; j++) if (bitCell(i, j) !== d[i][j]) expect([i, j, bitCell(i, j)]).toEqual([i, j, d[i][j]]);
      for (let j = 0; j <= n; j++) expect(lastRow[j]).toBe(d[m][j]);
    }
  });

  it('aligns edges and windows as the textbook table does, on either side of 32 quote words', () => {
    const rng = createRng(31);
    const modes: AlignMode[] = ['prefix', 'suffix', 'fit'];
    let bitWide = 0;
    for (let round = 0; round < 1200; round++) {
      const vocabulary = rng.int(2, 12);
      const m = rng.int(26, 36);
      const n = rng.int(Math.max(0, m - 6), m + 8);
      const q = Int32Array.from({ length: m }, () => rng.int(0, vocabulary - 1));
      // A source stretch like an edge's: the quote's words with a few changed, added or dropped.
      const words: number[] = [];
      for (let k = 0; words.length < n; k++) {
        const r = rng.int(0, 9);
        if (r === 0) continue; // dropped
        words.push(r === 1 ? rng.int(0, vocabulary - 1) : q[k % m]);
        if (r === 2 && words.length < n) words.push(rng.int(0, vocabulary - 1)); // added
      }
      const s = Uint32Array.from(words);
      const mode = modes[round % 3];
      if (m <= BIT_COLUMNS_MAX_WORDS) bitWide++;
      expect(alignWords(q, 0, m, s, 0, n, mode)).toEqual(plainAlign(q, 0, m, s, 0, n, mode));
    }
    expect(bitWide).toBeGreaterThan(500);
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
