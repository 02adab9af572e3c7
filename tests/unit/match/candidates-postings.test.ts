// @vitest-environment node
// The blocks of Candidates.findBlocks must be those of the plain reading in look-up order, numbered
// alike, with or without a judge; a block judged as it is found must get the answer the chain
// bounds give its chain of one block afterwards; and a source left unjudged must not change an answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { Candidates, type Block, type BlockJudge } from '../../../lib/match/candidates';
import { mayAnchorParts, mayReachVerdict, possibleMatches, possibleMatchesOfBlock, mayAnchorPartsOfBlock } from '../../../lib/match/chain-bound';
import { checkQuote, checkQuoteUnpruned } from '../../../lib/match/check-quote';
import { hashKey, kgramHash } from '../../../lib/match/fingerprints';
import { LibraryIndex } from '../../../lib/match/library-index';
import { parseQuote, type ParsedQuote } from '../../../lib/match/quote-parts';
import { KGRAM_WORDS } from '../../../lib/match/thresholds';
import type { Source } from '../../../lib/types';
import { tenfoldLibrary } from '../../../scripts/bench/tenfold';
import { generatePages } from '../../../scripts/eval/generate';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { createRng } from '../../../scripts/eval/prng';

/** The reading as it was first written: every posting in look-up order, a Map of diagonal ends. */
function plainBlocks(index: LibraryIndex, pq: ParsedQuote, words: Int32Array, hashes: Uint32Array, only: number | null): Block[] {
  const blocks: Block[] = [];
  const lastEnd = new Map<number, number>();
  const P = pq.parts.length;
  pq.parts.forEach((part, pi) => {
    for (let i = part.from; i + KGRAM_WORDS <= part.to; i++) {
      for (const posting of index.lookup(kgramHash(hashes, i))) {
        const id = (posting - i) * P + pi;
        if (i < (lastEnd.get(id) ?? -1)) continue;
        const slot = index.slotOf(posting);
        if (only !== null && slot !== only) continue;
        const entry = index.entry(slot);
        if (!entry) continue;
        const keys = entry.words;
        const pos = posting - entry.base;
        if (![0, 1, 2].every((j) => keys[pos + j] === words[i + j])) continue;
        let q0 = i;
        let s0 = pos;
        while (q0 > part.from && s0 > 0 && keys[s0 - 1] === words[q0 - 1]) {
          q0--;
          s0--;
        }
        let q1 = i + KGRAM_WORDS;
        let s1 = pos + KGRAM_WORDS;
        while (q1 < part.to && s1 < keys.length && keys[s1] === words[q1]) {
          q1++;
          s1++;
        }
        blocks.push({ slot, part: pi, q0, q1, s0, s1 });
        lastEnd.set(id, q1);
      }
    }
  });
  return blocks;
}

function blocksOf(cands: Candidates): Block[] {
  return Array.from({ length: cands.blocks }, (_, b) => cands.block(b));
}

function prepare(index: LibraryIndex, text: string) {
  const pq = parseQuote(text);
  const keys = pq.tokens.map((t) => t.key);
  return { pq, words: index.wordNumbers(keys), hashes: Uint32Array.from(keys, hashKey) };
}

describe('blocks found with a judge', () => {
  let small: Source[];
  let indexes: LibraryIndex[];
  let texts: string[];
  beforeAll(() => {
    small = loadSotuLibrary(16);
    indexes = [LibraryIndex.fromSources(small), LibraryIndex.fromSources(tenfoldLibrary(small, 9))];
    texts = generatePages(small, { seed: 7, pages: 2, quotesPerPage: 40 }).flatMap((page) => page.quotes.map((q) => q.text));
  }, 120_000);

  it('are the blocks of the plain reading, in its order, for the whole library and for one source', () => {
    const cands = new Candidates();
    const judged = new Candidates();
    let blocks = 0;
    let onlyChecked = 0;
    for (const index of indexes) {
      for (const text of texts) {
        const { pq, words, hashes } = prepare(index, text);
        if (pq.words === 0) continue;
        const plain = plainBlocks(index, pq, words, hashes, null);
        cands.findBlocks(index, pq, words, hashes);
        expect(blocksOf(cands)).toEqual(plain);
        // A judge changes nothing of the blocks found.
        judged.findBlocks(index, pq, words, hashes, null, (_e, _p, q0) => q0 % 2);
        expect(blocksOf(judged)).toEqual(plain);
        expect(Array.from(judged.hope.subarray(0, judged.blocks))).toEqual(plain.map((k) => k.q0 % 2));
        blocks += plain.length;
        if (plain.length > 0) {
          const only = plain[plain.length - 1].slot;
          cands.findBlocks(index, pq, words, hashes, only);
          expect(blocksOf(cands)).toEqual(plainBlocks(index, pq, words, hashes, only));
          onlyChecked++;
        }
      }
    }
    expect(blocks).toBeGreaterThan(2000);
    expect(onlyChecked).toBeGreaterThan(50);
  }, 120_000);

  it('skip the postings inside a block already found, on text that repeats itself', () => {
    // Repeated phrases put many postings on one diagonal and the same phrase on many diagonals.
    const rng = createRng(23);
    const vocabulary = ['the', 'people', 'of', 'state', 'union', 'we', 'shall', 'not', 'fail', 'now'];
    const sources: Source[] = Array.from({ length: 6 }, (_, k) => ({
      id: `s${k}`, type: 'speech', title: `Source ${k}`, publisher: null, author: null, speaker: null, published: null,
      url: null, licence: null, coverage: null, excerpt: false, origin: 'file',
      text: Array.from({ length: 400 }, () => vocabulary[rng.int(0, k < 3 ? 2 : vocabulary.length - 1)]).join(' ') + '.',
    }));
    const index = LibraryIndex.fromSources(sources);
    const cands = new Candidates();
    let blocks = 0;
    for (let round = 0; round < 300; round++) {
      const len = rng.int(4, 40);
      const words = Array.from({ length: len }, () => vocabulary[rng.int(0, rng.pick([2, 9]))]);
      if (rng.int(0, 3) === 0) words.splice(rng.int(1, len - 1), 0, '…');
      const { pq, words: numbers, hashes } = prepare(index, words.join(' '));
      const plain = plainBlocks(index, pq, numbers, hashes, null);
      cands.findBlocks(index, pq, numbers, hashes);
      expect(blocksOf(cands)).toEqual(plain);
      blocks += plain.length;
    }
    expect(blocks).toBeGreaterThan(3000);
  });
});

describe('a block judged as it is found', () => {
  let index: LibraryIndex;
  let texts: string[];
  beforeAll(() => {
    const small = loadSotuLibrary(12);
    index = LibraryIndex.fromSources(tenfoldLibrary(small, 4));
    texts = generatePages(small, { seed: 9, pages: 2, quotesPerPage: 40 }).flatMap((page) => page.quotes.map((q) => q.text));
  }, 120_000);

  it('gets the answer its chain of one block gets from possibleMatches and mayAnchorParts', () => {
    const cands = new Candidates();
    let single = 0;
    let inParts = 0;
    let dropped = 0;
    for (const text of texts) {
      const { pq, words, hashes } = prepare(index, text);
      if (pq.words === 0) continue;
      const reach = 200;
      const seen: Block[] = [];
      const judge: BlockJudge = (entry, p, q0, q1, s0, s1) => {
        const block = { slot: entry.slot, part: p, q0, q1, s0, s1 };
        seen.push(block);
        const chain = { slot: entry.slot, part: p, blocks: [block], words: q1 - q0 };
        const part = pq.parts[p];
        const a = possibleMatchesOfBlock(q0, q1, s0, s1, part, words, entry);
        const b = possibleMatches(chain, part, words, entry);
        expect(a === null ? null : Array.from(a)).toEqual(b === null ? null : Array.from(b));
        if (pq.parts.length > 1) {
          const may = mayAnchorPartsOfBlock(p, q0, q1, s0, s1, pq.parts, words, entry, reach);
          expect(may).toBe(mayAnchorParts(chain, pq.parts, words, entry, reach));
          inParts++;
          return may ? 1 : 0;
        }
        single++;
        const keep = a === null || mayReachVerdict(a, part.to - part.from);
        if (!keep) dropped++;
        return keep ? 1 : 0;
      };
      cands.findBlocks(index, pq, words, hashes, null, judge);
      // Asked once per block, of the blocks found, in any order; its answers kept per block.
      const found = blocksOf(cands);
      const key = (k: Block) => `${k.slot}:${k.part}:${k.q0}:${k.s0}`;
      expect(seen.map(key).sort()).toEqual(found.map(key).sort());
      for (let b = 0; b < cands.blocks; b++) {
        const k = cands.block(b);
        const part = pq.parts[k.part];
        const chain = { slot: k.slot, part: k.part, blocks: [k], words: k.q1 - k.q0 };
        const entry = index.entry(k.slot)!;
        const flags = possibleMatches(chain, part, words, entry);
        const expected = pq.parts.length > 1 ? mayAnchorParts(chain, pq.parts, words, entry, reach) : flags === null || mayReachVerdict(flags, part.to - part.from);
        expect(cands.hope[b]).toBe(expected ? 1 : 0);
      }
    }
    expect(single).toBeGreaterThan(1000);
    expect(inParts).toBeGreaterThan(100);
    expect(dropped).toBeGreaterThan(500); // the bound drops most single blocks
  }, 120_000);
});

describe('sources left unjudged after a hopeful block', () => {
  it('are judged when still needed: the pruned check answers as the unpruned one', () => {
    // Few words, many sources: every source has many blocks, so blocks after a source's first
    // hopeful one are left unjudged, and some of those sources' chains join several blocks.
    const rng = createRng(31);
    const vocabulary = ['the', 'people', 'of', 'state', 'union', 'we', 'shall', 'not', 'fail', 'now', 'our', 'land', 'free', 'work'];
    const sources: Source[] = Array.from({ length: 12 }, (_, k) => ({
      id: `s${k}`, type: 'speech', title: `Source ${k}`, publisher: null, author: null, speaker: null, published: null,
      url: null, licence: null, coverage: null, excerpt: false, origin: 'file',
      text: Array.from({ length: 300 }, () => vocabulary[rng.int(0, k < 4 ? 4 : vocabulary.length - 1)]).join(' ') + '.',
    }));
    const index = LibraryIndex.fromSources(sources);
    const verdicts = new Set<string>();
    for (let round = 0; round < 150; round++) {
      // Quotes cut from a source, in parts, some words changed.
      const from = sources[rng.int(0, sources.length - 1)].text.split(' ');
      const at = rng.int(0, from.length - 40);
      const words = from.slice(at, at + rng.int(8, 30));
      for (let k = 0; k < words.length; k++) if (rng.int(0, 6) === 0) words[k] = vocabulary[rng.int(0, vocabulary.length - 1)];
      words.splice(rng.int(2, words.length - 2), 0, rng.pick(['…', '[the land]', '…']));
      const q = { text: words.join(' ').replace(/\.$/, ''), before: 'they said', after: 'and left' };
      const got = checkQuote(index, q);
      expect(got).toEqual(checkQuoteUnpruned(index, q));
      verdicts.add(got.verdict);
    }
    expect(verdicts.size).toBeGreaterThan(2);
  });
});
