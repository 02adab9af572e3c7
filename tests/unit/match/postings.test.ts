import { describe, expect, it } from 'vitest';
import { PostingTable } from '../../../lib/match/postings';
import { SortedPostings } from '../../../lib/match/sorted-postings';
import { LibraryIndex, checkQuote } from '../../../lib/match/index';
import { loadGold, loadSources } from './corpus';

describe('PostingTable', () => {
  it('returns postings oldest first, and none above the cap', () => {
    const t = new PostingTable();
    for (const v of [5, 9, 2]) t.add(0xdeadbeef, v);
    t.add(0, 7); // zero and 0xffffffff are ordinary fingerprints
    t.add(0xffffffff, 8);
    expect(t.get(0xdeadbeef, 256)).toEqual([5, 9, 2]);
    expect(t.get(0, 256)).toEqual([7]);
    expect(t.get(0xffffffff, 256)).toEqual([8]);
    expect(t.get(0xdeadbeef, 2)).toEqual([]);
    expect(t.get(12345, 256)).toEqual([]);
  });

  it('keeps every posting through growth, and removes a range of values', () => {
    const t = new PostingTable();
    const expected = new Map<number, number[]>();
    for (let i = 0; i < 20_000; i++) {
      const h = Math.imul(i % 7000, 0x9e3779b1) >>> 0;
      t.add(h, i);
      const list = expected.get(h);
      if (list) list.push(i);
      else expected.set(h, [i]);
    }
    for (const [h, vs] of expected) expect(t.get(h, 1000)).toEqual(vs);
    for (const h of expected.keys()) t.removeRange(h, 5000, 15_000);
    for (const [h, vs] of expected) expect(t.get(h, 1000)).toEqual(vs.filter((v) => v < 5000 || v >= 15_000));
    // Freed nodes are reused.
    const before = t.bytes;
    for (let i = 0; i < 10_000; i++) t.add(Math.imul(i % 7000, 0x9e3779b1) >>> 0, 100_000 + i);
    expect(t.bytes).toBe(before);
  });
});

describe('LibraryIndex remove and add', () => {
  it('answers as a freshly built index after a source is removed and added again', () => {
    const sources = loadSources();
    const fresh = LibraryIndex.fromSources(sources);
    const churned = LibraryIndex.fromSources(sources);
    // Same text in two sources ties on everything but library order: re-add in the same order.
    for (const s of sources) churned.remove(s.id);
    expect(churned.size).toBe(0);
    for (const s of sources) churned.add(s);
    for (const s of sources) {
      const data = fresh.sourceData(s.id)!;
      for (const at of [3, 40, 90]) {
        if (at + 12 >= data.tokenStarts.length) continue;
        const text = s.text.slice(data.tokenStarts[at], data.tokenEnds[at + 12]);
        const a = checkQuote(fresh, { text });
        const b = checkQuote(churned, { text });
        expect(b.verdict).toBe(a.verdict);
        expect(b.match?.sourceId).toBe(a.match?.sourceId);
        expect(b.match?.start).toBe(a.match?.start);
      }
    }
    expect(churned.lookup(0x12345678)).toEqual([]);
  });
});

describe('SortedPostings', () => {
  it('holds what a PostingTable holds, in the same order, through removal', () => {
    const n = 30_000;
    const hashes = new Uint32Array(n);
    const values = new Uint32Array(n);
    const table = new PostingTable();
    for (let i = 0; i < n; i++) {
      // Few distinct fingerprints spread over all 32 bits, including 0 and 0xffffffff.
      hashes[i] = i % 5 === 0 ? 0 : i % 7 === 0 ? 0xffffffff : Math.imul(i % 9000, 0x9e3779b1) >>> 0;
      values[i] = i * 3;
      table.add(hashes[i], values[i]);
    }
    const sorted = SortedPostings.build(hashes, values);
    const read = (h: number) => {
      const out: number[] = [];
      sorted.copyTo(h, out, 0);
      return out;
    };
    for (const h of new Set(hashes)) {
      expect(sorted.count(h)).toBe(table.count(h));
      expect(read(h)).toEqual(table.get(h, n));
    }
    expect(sorted.count(12345)).toBe(0);
    for (const h of new Set(hashes)) {
      sorted.removeRange(h, 20_000, 60_000);
      table.removeRange(h, 20_000, 60_000);
      expect(read(h)).toEqual(table.get(h, n));
    }
  });
});

describe('SortedPostings, values in any order', () => {
  it('keeps the order given for equal fingerprints whether the values ascend or not, as a PostingTable does', () => {
    const n = 20_000;
    let seed = 99;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    for (const order of ['ascending', 'descending', 'shuffled', 'large values']) {
      const hashes = new Uint32Array(n);
      const values = new Uint32Array(n);
      const table = new PostingTable();
      for (let i = 0; i < n; i++) {
        hashes[i] = i % 3 === 0 ? 0x80000000 + (i % 4) * 2048 : Math.imul((next() % 5000) + 1, 0x9e3779b1) >>> 0; // shared low bits, many repeats
        values[i] = order === 'ascending' ? i : order === 'descending' ? n - i : order === 'shuffled' ? next() % 1000 : 0xffffffff - (n - i);
        table.add(hashes[i], values[i]);
      }
      const sorted = SortedPostings.build(hashes, values);
      for (const h of new Set(hashes)) {
        const out: number[] = [];
        sorted.copyTo(h, out, 0);
        expect(out, order).toEqual(table.get(h, n));
      }
    }
  });
});

describe('LibraryIndex.addAll', () => {
  it('answers every lookup as adding the sources one by one does, and after removing and adding one', () => {
    const sources = loadSources();
    const one = new LibraryIndex();
    for (const s of sources) one.add(s);
    const all = LibraryIndex.fromSources(sources);
    for (const s of sources) {
      const fps = one.sourceData(s.id)!.fingerprints;
      for (const h of fps) expect(all.lookup(h)).toEqual(one.lookup(h));
    }
    for (const index of [one, all]) {
      index.remove(sources[1].id);
      index.add(sources[1]);
    }
    for (const s of sources) for (const h of one.sourceData(s.id)!.fingerprints) expect(all.lookup(h)).toEqual(one.lookup(h));
    const gold = loadGold();
    for (const q of gold.quotes) expect(checkQuote(all, q.query)).toEqual(checkQuote(one, q.query));
  });
});

describe('LibraryIndex.lookupInto', () => {
  it('writes what lookup returns into one reused array: sorted block, table, both, and over the cap', () => {
    const sources = loadSources();
    // A phrase 200 times in a source indexed first and 200 times in one added later: each part
    // is under the cap, the sum is over it.
    const phrase = 'the quick brown fox jumps over the lazy dog while the band plays on. ';
    const first = { ...sources[0], id: 'repeat-1', text: phrase.repeat(200) };
    const later = { ...sources[0], id: 'repeat-2', text: phrase.repeat(200) };
    const index = LibraryIndex.fromSources([...sources, first]);
    const out: number[] = [];
    const agree = (h: number) => {
      const n = index.lookupInto(h, out);
      expect(out.slice(0, n)).toEqual(index.lookup(h));
    };
    const fps = () => [...sources, first].flatMap((s) => Array.from(index.sourceData(s.id)!.fingerprints));
    const before = fps();
    expect(before.some((h) => index.lookup(h).length > 100)).toBe(true);
    for (const h of before) agree(h);
    index.add(later);
    index.remove(sources[1].id);
    index.add(sources[1]); // now in the table, its old postings gone from the block
    const after = [...fps(), ...Array.from(index.sourceData(later.id)!.fingerprints)];
    expect(after.some((h) => index.lookup(h).length === 0 && before.includes(h))).toBe(true); // capped
    for (const h of after) agree(h);
    expect(index.lookupInto(12345, out)).toBe(0);
  });
});

describe('SortedPostings.buildFrom', () => {
  it('holds what build holds for the parts laid end to end, each posting offset by its part\'s base', () => {
    const parts = [0, 1, 2].map((p) => {
      const n = 5000 + p * 777;
      const hashes = Uint32Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0xffffffff : Math.imul((i * 7 + p) % 4000, 0x9e3779b1) >>> 0));
      const positions = Uint32Array.from({ length: n }, (_, i) => i);
      return { hashes, positions, base: p * 100_000 };
    });
    const hashes = Uint32Array.from(parts.flatMap((p) => [...p.hashes]));
    const values = Uint32Array.from(parts.flatMap((p) => [...p.positions].map((v) => v + p.base)));
    const a = SortedPostings.build(hashes, values);
    const b = SortedPostings.buildFrom(parts);
    for (const h of new Set(hashes)) {
      const x: number[] = [];
      const y: number[] = [];
      a.copyTo(h, x, 0);
      b.copyTo(h, y, 0);
      expect(y).toEqual(x);
      expect(b.count(h)).toBe(a.count(h));
    }
    expect(SortedPostings.buildFrom([])).toBe(SortedPostings.EMPTY);
  });
});
