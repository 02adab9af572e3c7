// Chaining blocks: the search skips blocks too far back in the source to be followed; the chains
// must be those of the plain search over every earlier block, on random blocks.
import { describe, expect, it } from 'vitest';
import { chainBlocks, DiagonalEnds, type Block, type Chain } from '../../../lib/match/candidates';
import { MAX_CHAINS_PER_SOURCE, MAX_UNMARKED_GAP_WORDS } from '../../../lib/match/thresholds';
import { createRng } from '../../../scripts/eval/prng';

/** The plain search: every earlier block considered as a predecessor. */
function chainBlocksPlain(blocks: Block[]): Chain[] {
  const follows = (a: Block, b: Block) =>
    a.q1 <= b.q0 && a.s1 <= b.s0 && b.q0 - a.q1 <= MAX_UNMARKED_GAP_WORDS && b.s0 - a.s1 <= MAX_UNMARKED_GAP_WORDS;
  const sorted = [...blocks].sort((a, b) => a.s0 - b.s0 || a.q0 - b.q0);
  const used = new Array<boolean>(sorted.length).fill(false);
  const chains: Chain[] = [];
  while (chains.length < MAX_CHAINS_PER_SOURCE) {
    const best = new Array<number>(sorted.length).fill(0);
    const prev = new Array<number>(sorted.length).fill(-1);
    let top = -1;
    for (let i = 0; i < sorted.length; i++) {
      if (used[i]) continue;
      const len = sorted[i].q1 - sorted[i].q0;
      best[i] = len;
      for (let j = 0; j < i; j++) {
        if (used[j] || !follows(sorted[j], sorted[i])) continue;
        if (best[j] + len > best[i]) {
          best[i] = best[j] + len;
          prev[i] = j;
        }
      }
      if (top < 0 || best[i] > best[top]) top = i;
    }
    if (top < 0) break;
    const picked: Block[] = [];
    for (let i = top; i >= 0; i = prev[i]) {
      picked.push(sorted[i]);
      used[i] = true;
    }
    picked.reverse();
    chains.push({ slot: picked[0].slot, part: picked[0].part, blocks: picked, words: best[top] });
  }
  return chains;
}

describe('chainBlocks', () => {
  it('chains blocks in order in both texts with small gaps, best first', () => {
    const b = (q0: number, q1: number, s0: number): Block => ({ slot: 0, part: 0, q0, q1, s0, s1: s0 + q1 - q0 });
    const chains = chainBlocks([b(10, 14, 500), b(0, 4, 100), b(5, 9, 106), b(0, 3, 900)]);
    expect(chains.map((c) => [c.words, c.blocks.map((x) => x.s0)])).toEqual([
      [8, [100, 106]],
      [4, [500]],
      [3, [900]],
    ]);
  });

  it('finds the chains of the plain search on random blocks, long ones and clustered ones', () => {
    const rng = createRng(3);
    for (let round = 0; round < 3000; round++) {
      const count = rng.int(2, 40);
      const span = rng.pick([20, 60, 400]);
      const blocks: Block[] = [];
      for (let k = 0; k < count; k++) {
        const q0 = rng.int(0, 30);
        const len = rng.int(3, rng.pick([5, 12, 40]));
        const s0 = rng.int(0, span);
        blocks.push({ slot: 7, part: 1, q0, q1: q0 + len, s0, s1: s0 + len });
      }
      expect(chainBlocks(blocks)).toEqual(chainBlocksPlain(blocks));
    }
  });
});

describe('DiagonalEnds', () => {
  it('answers as a Map through growth and clears, for negative and large keys', () => {
    const rng = createRng(5);
    const table = new DiagonalEnds();
    for (let round = 0; round < 20; round++) {
      table.clear();
      const map = new Map<number, number>();
      const keys = rng.int(1, 5000);
      for (let k = 0; k < keys; k++) {
        const key = rng.pick([-1, 1, 7]) * rng.int(0, 40_000_000) * rng.pick([1, 5]) + rng.int(0, 4);
        const end = rng.int(0, 100);
        if (rng.int(0, 2) === 0) expect(table.get(key)).toBe(map.get(key) ?? -1);
        table.set(key, end);
        map.set(key, end);
      }
      for (const [key, end] of map) expect(table.get(key)).toBe(end);
      expect(table.get(123_456_789_012)).toBe(-1);
    }
  });
});
