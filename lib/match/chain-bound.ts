// Before aligning a candidate chain word by word, a cheap upper bound on what the alignment can
// find: a quote word can only come out equal if its word occurs in the source stretch it is
// aligned against. Most chains of a large library share one common phrase with the quote and
// nothing else; the bound shows they cannot reach any verdict, and their alignment is skipped.
import type { Candidates, Chain } from './candidates';
import type { IndexedSource } from './library-index';
import type { LibraryWords, WordArray } from './library-words';
import { lastOccurrence } from './align';
import { maxGap, type QuotePart } from './quote-parts';
import {
  ALTERED_MIN_SIMILARITY,
  EDGE_SLACK_WORDS,
  NEAR_PART_MIN_RATIO,
  PARTIAL_MIN_MATCH_RATIO,
  PARTIAL_MIN_SHARE,
  PARTIAL_MIN_WORDS,
} from './thresholds';

// Word marks for "does this source stretch hold word w": marks[w] === stamp. Reused across calls.
let marks = new Int32Array(1024);
let stamp = 0;

function markStretch(words: WordArray, from: number, to: number, lexiconSize: number): void {
  if (marks.length < lexiconSize) marks = new Int32Array(Math.max(lexiconSize, marks.length * 2));
  if (++stamp === 0x7fffffff) {
    marks.fill(0);
    stamp = 1;
  }
  for (let s = Math.max(0, from); s < to; s++) marks[words[s]] = stamp;
}

/**
 * How many of quote words [q0, q1) have their word somewhere in source stretch [s0, s1): no
 * alignment of the two can make more of them equal.
 */
export function wordsPresent(qWords: Int32Array, q0: number, q1: number, words: WordArray, s0: number, s1: number, lexiconSize: number): number {
  if (q1 <= q0 || s1 <= s0) return 0;
  markStretch(words, s0, s1, lexiconSize);
  let n = 0;
  for (let q = q0; q < q1; q++) {
    const w = qWords[q];
    if (w >= 0 && marks[w] === stamp) n++;
  }
  return n;
}

/** Flag quote words [q0, q1) whose word occurs in source stretch [s0, s1). */
function markPossible(
  flags: Uint8Array, offset: number, qWords: Int32Array, q0: number, q1: number,
  words: WordArray, s0: number, s1: number, lexiconSize: number,
): void {
  if (q1 <= q0 || s1 <= s0) return;
  markStretch(words, s0, s1, lexiconSize);
  for (let q = q0; q < q1; q++) {
    const w = qWords[q];
    if (w >= 0 && marks[w] === stamp) flags[q - offset] = 1;
  }
}

/**
 * For each word of the part, whether the alignment of `chain` (as alignChain lays it out: exact
 * blocks, the stretches between them, and the edges against windows EDGE_SLACK_WORDS wider)
 * could make it equal. `null` when the source's last word falls inside the trailing window: a
 * word cut off by the source's end may then count as equal without being the same key.
 */
export function possibleMatches(chain: Chain, part: QuotePart, qWords: Int32Array, entry: IndexedSource, into?: Uint8Array): Uint8Array | null {
  const words = entry.words;
  const N = words.length;
  const V = entry.lexicon.size;
  const n = part.to - part.from;
  const blocks = chain.blocks;
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  if (last.q1 < part.to && last.s1 + (part.to - last.q1) + EDGE_SLACK_WORDS >= N) return null;
  // `into`, when long enough, is reused (its first n entries are the answer): one array per
  // quote instead of one per chain.
  let flags: Uint8Array;
  if (into && into.length >= n) {
    flags = into;
    flags.fill(0, 0, n);
  } else flags = new Uint8Array(n);
  const lead = first.q0 - part.from;
  markPossible(flags, part.from, qWords, part.from, first.q0, words, Math.max(0, first.s0 - lead - EDGE_SLACK_WORDS), first.s0, V);
  for (let b = 0; b < blocks.length; b++) {
    const k = blocks[b];
    if (b > 0) markPossible(flags, part.from, qWords, blocks[b - 1].q1, k.q0, words, blocks[b - 1].s1, k.s0, V);
    for (let q = k.q0; q < k.q1; q++) flags[q - part.from] = 1;
  }
  markPossible(flags, part.from, qWords, last.q1, part.to, words, last.s1, Math.min(N, last.s1 + (part.to - last.q1) + EDGE_SLACK_WORDS), V);
  return flags;
}

/**
 * possibleMatches for chain c of a quote's Candidates, read from its typed arrays (no Chain
 * object), with the source's words read where findBlocks has just read them: in the library's
 * words by token number (LibraryIndex.libraryWords), from the source's first token on, without
 * its entry. `into` as there. Tests compare the two on every chain of generated articles.
 */
export function possibleMatchesAt(
  cands: Candidates, c: number, part: QuotePart, qWords: Int32Array, library: LibraryWords, into?: Uint8Array,
): Uint8Array | null {
  const words = library.at;
  const slot = cands.chainSlot[c];
  const base = library.starts[slot];
  const N = library.lengths[slot];
  const V = library.lexiconSize;
  const n = part.to - part.from;
  const { q0, q1, s0, s1, members } = cands;
  const from = cands.first[c];
  const to = from + cands.count[c];
  const first = members[from];
  const last = members[to - 1];
  if (q1[last] < part.to && s1[last] + (part.to - q1[last]) + EDGE_SLACK_WORDS >= N) return null;
  let flags: Uint8Array;
  if (into && into.length >= n) {
    flags = into;
    // A loop, not fill(): the call's fixed cost is most of the work for a quote's few words.
    for (let i = 0; i < n; i++) flags[i] = 0;
  } else flags = new Uint8Array(n);
  const lead = q0[first] - part.from;
  markPossible(flags, part.from, qWords, part.from, q0[first], words, base + Math.max(0, s0[first] - lead - EDGE_SLACK_WORDS), base + s0[first], V);
  for (let k = from; k < to; k++) {
    const b = members[k];
    if (k > from) {
      const a = members[k - 1];
      markPossible(flags, part.from, qWords, q1[a], q0[b], words, base + s1[a], base + s0[b], V);
    }
    for (let q = q0[b]; q < q1[b]; q++) flags[q - part.from] = 1;
  }
  markPossible(flags, part.from, qWords, q1[last], part.to, words, base + s1[last], base + Math.min(N, s1[last] + (part.to - q1[last]) + EDGE_SLACK_WORDS), V);
  return flags;
}

const EPSILON = 1e-9; // the bound errs towards aligning

/**
 * Could a single-part quote of these possible matches get any verdict from this alignment?
 * Every verdict judgeSingle gives needs one of: all words equal; Dice similarity ≥
 * ALTERED_MIN_SIMILARITY, which (the source span having at least as many words as match) needs
 * at least s·n / (2 − s) equal words; or, for `partial`, a leading or trailing run of
 * p ≥ max(PARTIAL_MIN_WORDS, PARTIAL_MIN_SHARE·n) words of which PARTIAL_MIN_MATCH_RATIO are equal.
 */
export function mayReachVerdict(flags: Uint8Array, n = flags.length): boolean {
  let total = 0;
  for (let i = 0; i < n; i++) total += flags[i];
  const s = ALTERED_MIN_SIMILARITY;
  if (total + EPSILON >= (s * n) / (2 - s)) return true;
  const pMin = Math.max(PARTIAL_MIN_WORDS, PARTIAL_MIN_SHARE * n);
  // A run of p words with more than (1 − ratio)·n misses can never reach the ratio, however far it
  // goes on (p ≤ n): once both runs have that many, no longer one can qualify.
  const hopeless = (1 - PARTIAL_MIN_MATCH_RATIO) * n + 1e-6;
  let head = 0;
  let tail = 0;
  for (let p = 1; p <= n; p++) {
    head += flags[p - 1];
    tail += flags[n - p];
    if (p + EPSILON >= pMin && (head + EPSILON >= PARTIAL_MIN_MATCH_RATIO * p || tail + EPSILON >= PARTIAL_MIN_MATCH_RATIO * p)) return true;
    if (p - head > hopeless && p - tail > hopeless) return false;
  }
  return false;
}

/**
 * Could this chain, as the anchor of a quote in several parts, lead judgeParts to any reading?
 * With F the chain's possible equal words (possibleMatches), a reading needs one of:
 * - partial: a placed run holding the anchor with ≥ PARTIAL_MIN_MATCH_RATIO of its words equal,
 *   so F ≥ len(anchor part) − (1 − ratio)·n;
 * - every part placed (elided or altered): each other part j found near the anchor with
 *   ≥ NEAR_PART_MIN_RATIO of its words (all of them, when it has one or two), which needs its
 *   words present in the windows judgeParts searches for it (sideWindows); and Dice ≥
 *   ALTERED_MIN_SIMILARITY, so at least s·n / (2 − s) equal words in all, at most F plus each
 *   other part's present words.
 * A word cut off by the source's end may count as equal: the bound gives up near the end.
 */
export function mayAnchorParts(chain: Chain, parts: readonly QuotePart[], qWords: Int32Array, entry: IndexedSource, into?: Uint8Array): boolean {
  const part = parts[chain.part];
  const flags = possibleMatches(chain, part, qWords, entry, into);
  const first = chain.blocks[0];
  const last = chain.blocks[chain.blocks.length - 1];
  return flags === null || mayAnchorWith(flags, chain.part, first.q0, first.s0, last.q1, last.s1, parts, qWords, entry.words, 0, entry.words.length, entry.lexicon.size);
}

/** mayAnchorParts for chain c of a quote's Candidates (no Chain object), the words read as possibleMatchesAt reads them. */
export function mayAnchorPartsAt(
  cands: Candidates, c: number, parts: readonly QuotePart[], qWords: Int32Array, library: LibraryWords, into?: Uint8Array,
): boolean {
  const p = cands.chainPart[c];
  const flags = possibleMatchesAt(cands, c, parts[p], qWords, library, into);
  if (flags === null) return true;
  const first = cands.firstBlock(c);
  const last = cands.lastBlock(c);
  const slot = cands.chainSlot[c];
  return mayAnchorWith(
    flags, p, cands.q0[first], cands.s0[first], cands.q1[last], cands.s1[last], parts, qWords,
    library.at, library.starts[slot], library.lengths[slot], library.lexiconSize,
  );
}

/**
 * The source stretches in which judgeParts can place the parts before and after an anchor
 * whose chain runs from source word firstS0 (quote word firstQ0) to lastS1 (quote word lastQ1):
 * the parts before it lie in [backFrom, firstS0), the parts after it in [lastS1, forwardTo).
 * The anchor's alignment reaches EDGE_SLACK_WORDS past the chain's unmatched edges; walking
 * back, part j's window ends where the part after it starts and reaches maxGap(its mark), its
 * length and EDGE_SLACK_WORDS further; walking forward, likewise from where the part before it
 * ends. Every part left unplaced only widens the next window by what it would have taken.
 */
export function sideWindows(
  anchor: number, firstQ0: number, firstS0: number, lastQ1: number, lastS1: number, parts: readonly QuotePart[],
): { backFrom: number; forwardTo: number } {
  const part = parts[anchor];
  let back = 0;
  for (let j = anchor - 1; j >= 0; j--) back += maxGap(parts[j + 1].sep) + (parts[j].to - parts[j].from) + EDGE_SLACK_WORDS;
  let forward = 0;
  for (let j = anchor + 1; j < parts.length; j++) forward += maxGap(parts[j].sep) + (parts[j].to - parts[j].from) + EDGE_SLACK_WORDS;
  return {
    backFrom: Math.max(0, firstS0 - (firstQ0 - part.from) - EDGE_SLACK_WORDS - back),
    forwardTo: lastS1 + (part.to - lastQ1) + EDGE_SLACK_WORDS + forward,
  };
}

/**
 * Parts [from, to) but the anchor against the words marked (the stretch just marked): adds the
 * words each can make equal to `total`, or returns -1 when one of them cannot be placed.
 */
function partsPresent(
  from: number, to: number, parts: readonly QuotePart[], qWords: Int32Array, words: WordArray, lo: number, hi: number, total: number,
): number {
  for (let j = from; j < to; j++) {
    const p = parts[j];
    const pl = p.to - p.from;
    let present = 0;
    for (let q = p.from; q < p.to; q++) {
      const w = qWords[q];
      if (w >= 0 && marks[w] === stamp) present++;
    }
    if (pl <= 2) {
      // Must be found word for word: every word present, then in order somewhere.
      if (present < pl || lastOccurrence(qWords, p.from, p.to, words, lo, hi) < 0) return -1;
      total += pl;
      continue;
    }
    if (present + EPSILON < NEAR_PART_MIN_RATIO * pl) return -1;
    total += present;
  }
  return total;
}

/**
 * The rest of mayAnchorParts, given the chain's possible matches and its first and last block's
 * edges; the source's N words are words[base + s] (its own words from 0, or the library's from
 * its first token), numbered into a lexicon of V words.
 */
function mayAnchorWith(
  flags: Uint8Array, anchor: number, firstQ0: number, firstS0: number, lastQ1: number, lastS1: number,
  parts: readonly QuotePart[], qWords: Int32Array, words: WordArray, base: number, N: number, V: number,
): boolean {
  const part = parts[anchor];
  let F = 0;
  for (let i = 0; i < part.to - part.from; i++) F += flags[i];
  let n = 0;
  for (const p of parts) n += p.to - p.from;
  const len = part.to - part.from;
  if (F + EPSILON >= len - (1 - PARTIAL_MIN_MATCH_RATIO) * n) return true;
  const { backFrom, forwardTo } = sideWindows(anchor, firstQ0, firstS0, lastQ1, lastS1, parts);
  if (forwardTo >= N) return true;
  // Each side's stretch is marked once for all the parts placed on that side (the anchor's own
  // stretch between them holds none of them), the side that runs out first saving the other.
  let total = F;
  if (anchor > 0) {
    markStretch(words, base + backFrom, base + firstS0, V);
    total = partsPresent(0, anchor, parts, qWords, words, base + backFrom, base + firstS0, total);
    if (total < 0) return false;
  }
  if (anchor + 1 < parts.length) {
    markStretch(words, base + lastS1, base + forwardTo, V);
    total = partsPresent(anchor + 1, parts.length, parts, qWords, words, base + lastS1, base + forwardTo, total);
    if (total < 0) return false;
  }
  const s = ALTERED_MIN_SIMILARITY;
  return total + EPSILON >= (s * n) / (2 - s);
}
