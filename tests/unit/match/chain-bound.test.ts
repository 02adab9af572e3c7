import { describe, expect, it } from 'vitest';
import { mayReachVerdict, possibleMatches } from '../../../lib/match/chain-bound';
import { LibraryIndex } from '../../../lib/match/library-index';
import { checkQuote } from '../../../lib/match/check-quote';
import type { Chain } from '../../../lib/match/candidates';
import type { Source } from '../../../lib/types';

const flags = (s: string) => Uint8Array.from(s.split(''), (c) => (c === '1' ? 1 : 0));

describe('mayReachVerdict', () => {
  it('keeps chains that could be altered: at least 3n/7 possible words', () => {
    // 14 words: Dice ≥ 0.6 needs at least 0.6·14 / 1.4 = 6 equal words.
    expect(mayReachVerdict(flags('11100110100000'))).toBe(true);
    expect(mayReachVerdict(flags('11100110000000'))).toBe(false);
  });
  it('drops a 30-word quote sharing one phrase and a few scattered words', () => {
    expect(mayReachVerdict(flags('000000000011100100010000100000'))).toBe(false);
  });
  it('keeps a leading or trailing run that could be partial', () => {
    expect(mayReachVerdict(flags('111111110000000000000000000000'))).toBe(true);
    expect(mayReachVerdict(flags('000000000000000000000011111111'))).toBe(true);
    expect(mayReachVerdict(flags('111111100000000000000000000000'))).toBe(false); // 7 < 30/4 words
  });
});

function source(id: string, text: string): Source {
  return { id, type: 'report', title: id, publisher: null, author: null, speaker: null, published: null, url: null, licence: null, coverage: null, excerpt: false, origin: 'file', text };
}

describe('possibleMatches', () => {
  const index = LibraryIndex.fromSources([
    source('a', 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega and then some more words follow here'),
  ]);
  const entry = index.entry(0)!;
  const words = (text: string) => index.wordNumbers(text.split(' '));
  it('flags block words and quote words present in the aligned source stretch only', () => {
    const q = words('zeta qqq theta iota kappa www mu');
    // one block: quote [2, 5) = source [7, 10) ("theta iota kappa")
    const chain: Chain = { slot: 0, part: 0, words: 3, blocks: [{ slot: 0, part: 0, q0: 2, q1: 5, s0: 7, s1: 10 }] };
    const f = possibleMatches(chain, { from: 0, to: 7, sep: 'start' }, q, entry)!;
    expect(Array.from(f)).toEqual([1, 0, 1, 1, 1, 0, 1]);
  });
  it('gives up (null) when the trailing window reaches the source end, where a cut word may match', () => {
    const q = words('and then some more words follow her');
    const chain: Chain = { slot: 0, part: 0, words: 6, blocks: [{ slot: 0, part: 0, q0: 0, q1: 6, s0: 24, s1: 30 }] };
    expect(possibleMatches(chain, { from: 0, to: 7, sep: 'start' }, q, entry)).toBeNull();
  });
  it('does not change a verdict: an altered quote is still found', () => {
    const check = checkQuote(index, { text: 'alpha beta gamma delta epsilon ZETA eta theta iota kappa lambda MU nu xi' });
    expect(check.verdict).toBe('minor');
    const altered = checkQuote(index, { text: 'alpha beta gamma delta epsilon zed eta theta iota kappa lambda moo nu xi' });
    expect(altered.verdict).toBe('altered');
  });
});
