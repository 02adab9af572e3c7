// @vitest-environment node
// Blocks and chains in typed arrays (Candidates) and the bounds read from them must be what the
// plain computation on objects gives: findChains and chainBlocks, possibleMatches and
// mayAnchorParts, on random blocks and on every quote of generated pages against State of the
// Union addresses and their perturbed copies; the chain bound's early stop and the aligner's
// mirrored typed arrays must answer as the plain loop and plain arrays do.
import { beforeAll, describe, expect, it } from 'vitest';
import { Candidates, findBlocks, findChains, type Block, type Chain } from '../../../lib/match/candidates';
import { alignWords, lastOccurrence } from '../../../lib/match/align';
import { mayAnchorParts, mayAnchorPartsAt, mayReachVerdict, possibleMatches, possibleMatchesAt } from '../../../lib/match/chain-bound';
import { hashKey, kgramHash } from '../../../lib/match/fingerprints';
import { LibraryIndex, type IndexedSource } from '../../../lib/match/library-index';
import { parseQuote, type ParsedQuote, type QuotePart } from '../../../lib/match/quote-parts';
import {
  ALTERED_MIN_SIMILARITY,
  EDGE_SLACK_WORDS,
  KGRAM_WORDS,
  MAX_BRACKET_REPLACED_WORDS,
  MAX_ELISION_GAP_WORDS,
  MAX_SIC_GAP_WORDS,
  MAX_UNMARKED_GAP_WORDS,
  NEAR_PART_MIN_RATIO,
  PARTIAL_MIN_MATCH_RATIO,
  PARTIAL_MIN_SHARE,
  PARTIAL_MIN_WORDS,
} from '../../../lib/match/thresholds';
import type { Source } from '../../../lib/types';
import { tenfoldLibrary } from '../../../scripts/bench/tenfold';
import { generatePages } from '../../../scripts/eval/generate';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { createRng } from '../../../scripts/eval/prng';

/**
 * The anchor bound as it was before the side windows: every other part's words looked for in one
 * stretch reaching `reach` (the sum over all parts of gap, length and edge) past the chain's edge
 * windows on both sides, with plain loops and a Set.
 */
function mayAnchorWholeStretch(chain: Chain, flags: Uint8Array, parts: readonly QuotePart[], qWords: Int32Array, entry: IndexedSource, reach: number): boolean {
  const anchor = chain.part;
  const part = parts[anchor];
  const len = part.to - part.from;
  let F = 0;
  for (let i = 0; i < len; i++) F += flags[i];
  let n = 0;
  for (const p of parts) n += p.to - p.from;
  if (F + 1e-9 >= len - (1 - PARTIAL_MIN_MATCH_RATIO) * n) return true;
  const first = chain.blocks[0];
  const last = chain.blocks[chain.blocks.length - 1];
  const lo = Math.max(0, first.s0 - (first.q0 - part.from) - EDGE_SLACK_WORDS - reach);
  const hi = last.s1 + (part.to - last.q1) + EDGE_SLACK_WORDS + reach;
  if (hi >= entry.words.length) return true;
  const held = new Set(entry.words.subarray(lo, hi));
  let total = F;
  for (let j = 0; j < parts.length; j++) {
    if (j === anchor) continue;
    const p = parts[j];
    const pl = p.to - p.from;
    let present = 0;
    for (let q = p.from; q < p.to; q++) if (qWords[q] >= 0 && held.has(qWords[q])) present++;
    if (pl <= 2) {
      if (present < pl || lastOccurrence(qWords, p.from, p.to, entry.words, lo, hi) < 0) return false;
      total += pl;
    } else if (present + 1e-9 < NEAR_PART_MIN_RATIO * pl) return false;
    else total += present;
  }
  return total + 1e-9 >= (ALTERED_MIN_SIMILARITY * n) / (2 - ALTERED_MIN_SIMILARITY);
}

/**
 * The blocks by the plain reading: every posting of every k-gram read in its source, nothing
 * skipped, each maximal run kept once, in the order first found.
 */
function findBlocksPlain(index: LibraryIndex, pq: ParsedQuote, words: Int32Array, keyHashes: Uint32Array, only: number | null): Block[] {
  const blocks: Block[] = [];
  const seen = new Set<string>();
  pq.parts.forEach((part, pi) => {
    for (let i = part.from; i + KGRAM_WORDS <= part.to; i++) {
      for (const posting of index.lookup(kgramHash(keyHashes, i))) {
        const slot = index.slotOf(posting);
        const entry = index.entry(slot);
        if (!entry || (only !== null && slot !== only)) continue;
        const keys = entry.words;
        const pos = posting - entry.base;
        if (![0, 1, 2].every((j) => keys[pos + j] === words[i + j])) continue;
        let q0 = i;
        let s0 = pos;
        while (q0 > part.from && s0 > 0 && keys[s0 - 1] === words[q0 - 1]) q0--, s0--;
        let q1 = i + KGRAM_WORDS;
        let s1 = pos + KGRAM_WORDS;
        while (q1 < part.to && s1 < keys.length && keys[s1] === words[q1]) q1++, s1++;
        const key = `${slot}:${pi}:${q0}:${s0}`;
        if (seen.has(key)) continue;
        seen.add(key);
        blocks.push({ slot, part: pi, q0, q1, s0, s1 });
      }
    }
  });
  return blocks;
}

function chainsOf(cands: Candidates) {
  return Array.from({ length: cands.chains }, (_, c) => cands.chain(c));
}

describe('Candidates on random blocks', () => {
  it('chains as findChains does: the same chains, in the same order, blocks in source order', () => {
    const rng = createRng(11);
    const cands = new Candidates();
    for (let round = 0; round < 1500; round++) {
      const parts = rng.int(1, 4);
      const blocks: Block[] = [];
      const count = rng.int(1, 120);
      const span = rng.pick([20, 60, 400]);
      for (let k = 0; k < count; k++) {
        const q0 = rng.int(0, 30);
        const len = rng.int(3, rng.pick([5, 12, 40]));
        const s0 = rng.int(0, span);
        blocks.push({ slot: rng.int(0, rng.pick([1, 3, 50])), part: rng.int(0, parts - 1), q0, q1: q0 + len, s0, s1: s0 + len });
      }
      cands.setBlocks(blocks, parts);
      expect(cands.blocks).toBe(blocks.length);
      expect(Array.from({ length: cands.blocks }, (_, b) => cands.block(b))).toEqual(blocks);
      expect(chainsOf(cands)).toEqual(findChains(blocks));
    }
  });

  it('is reused from a large group to small ones without leftovers', () => {
    const cands = new Candidates();
    const big: Block[] = Array.from({ length: 500 }, (_, k) => ({ slot: 2, part: 0, q0: k % 20, q1: (k % 20) + 3, s0: 5 * k, s1: 5 * k + 3 }));
    cands.setBlocks(big, 1);
    expect(chainsOf(cands)).toEqual(findChains(big));
    const small: Block[] = [{ slot: 9, part: 1, q0: 4, q1: 9, s0: 70, s1: 75 }, { slot: 9, part: 1, q0: 0, q1: 3, s0: 60, s1: 63 }];
    cands.setBlocks(small, 2);
    expect(chainsOf(cands)).toEqual(findChains(small));
    cands.setBlocks([], 1);
    expect(cands.chains).toBe(0);
  });
});

describe('Candidates on State of the Union addresses', () => {
  let small: Source[];
  let indexes: LibraryIndex[];
  let texts: string[];
  beforeAll(() => {
    small = loadSotuLibrary(16);
    indexes = [LibraryIndex.fromSources(small), LibraryIndex.fromSources(tenfoldLibrary(small, 9))];
    texts = generatePages(small, { seed: 5, pages: 2, quotesPerPage: 40 }).flatMap((page) =>
      page.quotes.map((q) => q.text),
    );
  }, 120_000);

  it('finds the blocks and chains of the plain computation, and the bounds read from them agree', () => {
    const cands = new Candidates();
    let chains = 0;
    let inParts = 0;
    let tighter = 0;
    for (const index of indexes) {
      for (const text of texts) {
        const pq = parseQuote(text);
        if (pq.words === 0) continue;
        const keys = pq.tokens.map((t) => t.key);
        const words = index.wordNumbers(keys);
        const hashes = Uint32Array.from(keys, hashKey);
        const blocks = findBlocks(index, pq, words, hashes);
        expect(blocks).toEqual(findBlocksPlain(index, pq, words, hashes, null));
        if (blocks.length > 0) {
          const only = blocks[blocks.length - 1].slot;
          expect(findBlocks(index, pq, words, hashes, only)).toEqual(findBlocksPlain(index, pq, words, hashes, only));
        }
        cands.find(index, pq, words, hashes);
        expect(Array.from({ length: cands.blocks }, (_, b) => cands.block(b))).toEqual(blocks);
        const plain = findChains(blocks);
        expect(chainsOf(cands)).toEqual(plain);
        let reach = 0;
        for (const p of pq.parts) {
          const gap = p.sep === 'elision' ? MAX_ELISION_GAP_WORDS : p.sep === 'bracket' ? MAX_BRACKET_REPLACED_WORDS : p.sep === 'sic' ? MAX_SIC_GAP_WORDS : MAX_UNMARKED_GAP_WORDS;
          reach += gap + (p.to - p.from) + EDGE_SLACK_WORDS;
        }
        plain.forEach((chain, c) => {
          const entry = index.entry(chain.slot)!;
          const part = pq.parts[chain.part];
          const a = possibleMatches(chain, part, words, entry);
          const b = possibleMatchesAt(cands, c, part, words, index.libraryWords());
          expect(b === null ? null : Array.from(b)).toEqual(a === null ? null : Array.from(a));
          if (pq.parts.length > 1) {
            const side = mayAnchorPartsAt(cands, c, pq.parts, words, index.libraryWords());
            expect(side).toBe(mayAnchorParts(chain, pq.parts, words, entry));
            // The windows on either side never rule in what one stretch `reach` wide each way rules out.
            const wide = a === null || mayAnchorWholeStretch(chain, a, pq.parts, words, entry, reach);
            if (side) expect(wide).toBe(true);
            else if (wide) tighter++;
            inParts++;
          }
          chains++;
        });
      }
    }
    // Enough of both kinds to mean something.
    expect(chains).toBeGreaterThan(1000);
    expect(inParts).toBeGreaterThan(100);
    expect(tighter).toBeGreaterThan(0);
  }, 120_000);
});

describe('mayReachVerdict', () => {
  /** The whole loop over every run length, without stopping early. */
  function plain(flags: Uint8Array, n: number): boolean {
    let total = 0;
    for (let i = 0; i < n; i++) total += flags[i];
    const s = ALTERED_MIN_SIMILARITY;
    if (total + 1e-9 >= (s * n) / (2 - s)) return true;
    const pMin = Math.max(PARTIAL_MIN_WORDS, PARTIAL_MIN_SHARE * n);
    let head = 0;
    let tail = 0;
    let any = false;
    for (let p = 1; p <= n; p++) {
      head += flags[p - 1];
      tail += flags[n - p];
      if (p + 1e-9 >= pMin && (head + 1e-9 >= PARTIAL_MIN_MATCH_RATIO * p || tail + 1e-9 >= PARTIAL_MIN_MATCH_RATIO * p)) any = true;
    }
    return any;
  }

  it('answers as the whole loop on random flags, sparse and dense, short and long', () => {
    const rng = createRng(17);
    let yes = 0;
    for (let round = 0; round < 40_000; round++) {
      const n = rng.int(1, rng.pick([12, 40, 200]));
      const density = rng.pick([0, 0.05, 0.3, 0.6, 0.9, 0.97]);
      const flags = new Uint8Array(n + 3);
      for (let i = 0; i < flags.length; i++) flags[i] = rng.chance(density) ? 1 : 0;
      // Runs of mostly equal words at either end, as a partial quote gives, ending sparse.
      const noise = rng.pick([0, 0.03, 0.08]);
      if (rng.chance(0.3)) for (let i = 0, to = rng.int(0, n); i < to; i++) flags[i] = rng.chance(noise) ? 0 : 1;
      if (rng.chance(0.3)) for (let i = rng.int(0, n); i < n; i++) flags[i] = rng.chance(noise) ? 0 : 1;
      const want = plain(flags, n);
      expect(mayReachVerdict(flags, n)).toBe(want);
      if (want) yes++;
    }
    expect(yes).toBeGreaterThan(4000);
    expect(yes).toBeLessThan(36_000);
  });
});

describe('alignWords on the matcher arrays', () => {
  it('aligns a prefix stretch as it does on plain arrays of the same keys', () => {
    const rng = createRng(23);
    for (let round = 0; round < 3000; round++) {
      const q = Int32Array.from({ length: rng.int(0, 30) }, () => (rng.chance(0.1) ? -1 - rng.int(0, 5) : rng.int(0, 12)));
      const s = Uint32Array.from({ length: rng.int(0, 45) }, () => rng.int(0, 12));
      const qFrom = rng.int(0, q.length);
      const qTo = rng.int(qFrom, q.length);
      const sFrom = rng.int(0, s.length);
      const sTo = rng.int(sFrom, s.length);
      for (const mode of ['prefix', 'suffix', 'global', 'fit'] as const) {
        expect(alignWords(q, qFrom, qTo, s, sFrom, sTo, mode)).toEqual(alignWords(Array.from(q), qFrom, qTo, Array.from(s), sFrom, sTo, mode));
      }
    }
  });
});
