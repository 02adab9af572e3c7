import { describe, expect, it } from 'vitest';
import { PostingTable } from '../../../lib/match/postings';
import { LibraryIndex, checkQuote } from '../../../lib/match/index';
import { loadSources } from './corpus';

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
