// SortedPostings' lookups held to a plain reference (every posting in a map, in the order given)
// over the whole State of the Union library and over partitions built to be awkward: any faster
// search within a partition must give exactly these ranges.
import { describe, expect, it } from 'vitest';
import { LibraryIndex } from '../../../lib/match/library-index';
import { SortedPostings } from '../../../lib/match/sorted-postings';
import { loadSotuLibrary } from '../../../scripts/eval/library';

const PARTS = 2048;

/** Every fingerprint's postings in the order given: what a lookup must answer. */
function reference(hashes: Uint32Array, values: Uint32Array): Map<number, number[]> {
  const byHash = new Map<number, number[]>();
  for (let i = 0; i < hashes.length; i++) {
    const list = byHash.get(hashes[i]);
    if (list) list.push(values[i]);
    else byHash.set(hashes[i], [values[i]]);
  }
  return byHash;
}

function read(sorted: SortedPostings, hash: number): number[] {
  const out: number[] = [];
  sorted.copyTo(hash, out, 0);
  return out;
}

/** Checks every fingerprint, and `absent` ones, through count, copyTo and copyToAtMost. */
function agree(sorted: SortedPostings, want: Map<number, number[]>, absent: number[]): void {
  const out: number[] = [];
  let wrong = 0;
  for (const [h, vs] of want) {
    const got = read(sorted, h);
    if (sorted.count(h) !== vs.length || got.length !== vs.length || got.some((v, i) => v !== vs[i])) wrong++;
    // Written after what is already there, and refused whole above the cap.
    out[0] = 7;
    if (sorted.copyToAtMost(h, out, 1, vs.length) !== vs.length + 1 || (vs.length > 0 && out[vs.length] !== vs[vs.length - 1])) wrong++;
    if (vs.length > 0 && sorted.copyToAtMost(h, out, 1, vs.length - 1) !== -1) wrong++;
  }
  let found = 0;
  for (const h of absent) {
    if (want.has(h)) continue;
    if (sorted.count(h) !== 0 || sorted.copyTo(h, out, 0) !== 0) found++;
  }
  expect({ wrong, found }).toEqual({ wrong: 0, found: 0 });
}

/** Fingerprints not among `present`: beside each present one, and at both ends of every partition. */
function absentNear(present: Iterable<number>): number[] {
  const out: number[] = [];
  for (const h of present) out.push((h + PARTS) >>> 0, (h - PARTS) >>> 0, (h ^ 0x80000000) >>> 0);
  for (let p = 0; p < PARTS; p += 7) out.push(p, (0xffffffff - (PARTS - 1) + p) >>> 0);
  return out;
}

describe('SortedPostings lookups', () => {
  it('answer as the plain reference for every fingerprint of the State of the Union library, absent ones, and through removals', () => {
    const sources = loadSotuLibrary();
    const index = LibraryIndex.fromSources(sources);
    const parts: { hashes: Uint32Array; positions: Uint32Array; base: number }[] = [];
    let base = 0;
    for (const source of sources) {
      const d = index.sourceData(source.id)!;
      parts.push({ hashes: d.fingerprints, positions: d.fingerprintPositions, base });
      base += d.tokenStarts.length;
    }
    const hashes = Uint32Array.from(parts.flatMap((p) => [...p.hashes]));
    const values = Uint32Array.from(parts.flatMap((p) => [...p.positions].map((v) => v + p.base)));
    expect(hashes.length).toBeGreaterThan(500_000);
    const want = reference(hashes, values);
    const sorted = SortedPostings.buildFrom(parts);
    agree(sorted, want, absentNear(want.keys()));
    // A source leaving: its range of postings goes from every fingerprint, the rest stay in order.
    const gone = [parts[40].base, parts[41].base];
    for (const h of parts[40].hashes) sorted.removeRange(h, gone[0], gone[1]);
    for (const [h, vs] of want) want.set(h, vs.filter((v) => v < gone[0] || v >= gone[1]));
    agree(sorted, want, absentNear(want.keys()));
  }, 120_000);

  it('answer in partitions of none, one and many entries, evenly spread or bunched, through removals', () => {
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    const hashes: number[] = [];
    // Partition 5: many fingerprints, most bunched at the low end of the high bits, some repeated many times.
    for (let i = 0; i < 20_000; i++) {
      const high = i % 10 === 0 ? next() >>> 11 : i % 3 === 0 ? 123_456 : next() % 300;
      hashes.push(((high << 11) | 5) >>> 0);
    }
    // Partition 9: one entry, at the top. Partition 2047: the largest fingerprint and the one below it.
    hashes.push(0xfffff809, 0xffffffff, 0xfffff7ff);
    // Partition 0: fingerprint 0 and a few evenly spread.
    for (let i = 0; i < 50; i++) hashes.push(i === 0 ? 0 : (next() & ~0x7ff) >>> 0);
    const h = Uint32Array.from(hashes);
    const v = Uint32Array.from(hashes, (_, i) => i);
    const want = reference(h, v);
    const sorted = SortedPostings.build(h, v);
    const absent = [...absentNear(want.keys()), 1, 6, 9, 0x809, 0xfffff009, ((300 << 11) | 5) >>> 0];
    agree(sorted, want, absent);
    for (const [from, to] of [[0, 5000], [10_000, 10_001], [19_990, 20_100]]) {
      for (const x of want.keys()) sorted.removeRange(x, from, to);
      for (const [x, vs] of want) want.set(x, vs.filter((y) => y < from || y >= to));
    }
    agree(sorted, want, absent);
  });
});

describe('SortedPostings, a partition read before it is sorted', () => {
  it('answers its first lookup as a sorted partition does, within the cap or refused, with values ascending or not', () => {
    let seed = 5;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    for (const order of ['ascending', 'shuffled']) {
      const n = 30_000;
      // Fingerprints in a few partitions, many repeated: partitions of hundreds of entries.
      const h = Uint32Array.from({ length: n }, () => ((((next() % 400) << 11) | next() % 40) >>> 0));
      const v = Uint32Array.from({ length: n }, (_, i) => (order === 'ascending' ? i * 2 : next() % 5000));
      const want = reference(h, v);
      for (const max of [1_000_000, 3]) {
        const sorted = SortedPostings.build(h, v);
        let wrong = 0;
        let refused = 0;
        for (const pass of ['first', 'again']) {
          for (const [x, vs] of want) {
            const out: number[] = [7];
            const at = sorted.copyToAtMost(x, out, 1, max);
            if (vs.length > max) {
              refused++;
              if (at !== -1) wrong++;
            } else if (at !== vs.length + 1 || out[0] !== 7 || out.slice(1, at).some((y, i) => y !== vs[i])) wrong++;
          }
          expect({ order, max, pass, wrong }).toEqual({ order, max, pass, wrong: 0 });
        }
        if (max === 3) expect(refused).toBeGreaterThan(0);
        // Every partition was read unsorted once, then sorted by its second lookup: none is left to prepare.
        expect([...want.keys()].filter((x) => sorted.prepare(x))).toEqual([]);
      }
    }
  });

  it('is sorted by prepare after a first lookup read it', () => {
    const h = Uint32Array.from([0x1000 + 3, 3, 0x800 + 3, 3]);
    const v = Uint32Array.from([0, 1, 2, 3]);
    const sorted = SortedPostings.build(h, v);
    expect(sorted.copyToAtMost(3, [], 0, 10)).toBe(2);
    expect(sorted.prepare(3)).toBe(true);
    expect(sorted.prepare(3)).toBe(false);
    expect(read(sorted, 3)).toEqual([1, 3]);
    expect(read(sorted, 0x1000 + 3)).toEqual([0]);
  });
});

describe('SortedPostings.sortRead, the idle worker sorting what lookups read unsorted', () => {
  it('sorts the partitions read once, a few at a time, and leaves the answers as they were', () => {
    // Four partitions (fingerprints 3, 5, 7 and 9 with their partners 2048 higher), each read once.
    const h = Uint32Array.from([0x800 + 3, 3, 0x800 + 5, 5, 0x800 + 7, 7, 0x800 + 9, 9, 11]);
    const v = Uint32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const sorted = SortedPostings.build(h, v);
    for (const x of [3, 5, 7, 9]) expect(sorted.copyToAtMost(x, [], 0, 10)).toBe(1);
    expect(sorted.sortRead(3)).toBe(true); // one read partition left
    expect(sorted.sortRead(3)).toBe(false);
    expect(sorted.sortRead(3)).toBe(false);
    // All four sorted now (prepare has nothing to do); 11's partition, never looked up, is not.
    for (const x of [3, 5, 7, 9]) expect(sorted.prepare(x)).toBe(false);
    expect(sorted.prepare(11)).toBe(true);
    for (const x of [3, 5, 7, 9]) expect(read(sorted, x)).toEqual([v[h.indexOf(x)]]);
    expect(read(sorted, 0x800 + 7)).toEqual([4]);
  });
});
