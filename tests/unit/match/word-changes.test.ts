// @vitest-environment node
// The reader's diff runs (wordChanges) must be jsdiff's diffArrays(source, quote) run for run:
// on random lists of few distinct words (many ties), and above all where one list is the other
// with words left out, the case answered without jsdiff, in both directions.
import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { wordChanges } from '../../../lib/match/word-changes';
import { createRng } from '../../../scripts/eval/prng';

type Rng = ReturnType<typeof createRng>;

function jsdiffRuns(source: string[], quote: string[]) {
  return diffArrays(source, quote).map((c) => ({ count: c.count, added: !!c.added, removed: !!c.removed }));
}

function same(source: string[], quote: string[]): void {
  const got = wordChanges(source, quote).map((c) => ({ count: c.count, added: !!c.added, removed: !!c.removed }));
  const want = jsdiffRuns(source, quote);
  if (JSON.stringify(got) !== JSON.stringify(want)) expect({ source, quote, got }).toEqual({ source, quote, got: want });
}

const words = (rng: Rng, length: number, vocabulary: number) => Array.from({ length }, () => `w${rng.int(0, vocabulary - 1)}`);
/** `list` with each word left out with probability `drop`. */
const thinned = (rng: Rng, list: string[], drop: number) => list.filter(() => rng.int(0, 99) >= drop);

describe('wordChanges', () => {
  it('gives jsdiff’s runs where one list is the other with words left out', () => {
    const rng = createRng(41);
    let walked = 0;
    for (let round = 0; round < 20000; round++) {
      const long = words(rng, rng.int(0, 30), rng.int(1, 8));
      const short = thinned(rng, long, rng.int(1, 80));
      // Elided (the quote within the source) and partial or spliced (the source within the quote).
      same(long, short);
      same(short, long);
      if (short.length < long.length) walked++;
    }
    expect(walked).toBeGreaterThan(15000);
  });

  it('gives jsdiff’s runs for lists cut into pieces as elided quotes are, with repeated words around the cuts', () => {
    const rng = createRng(43);
    for (let round = 0; round < 5000; round++) {
      const source = words(rng, rng.int(5, 60), rng.int(2, 30));
      const quote: string[] = [];
      for (let at = rng.int(0, 3); at < source.length; ) {
        const take = rng.int(1, 8);
        quote.push(...source.slice(at, at + take));
        at += take + rng.int(1, 12);
      }
      same(source, quote);
      same(quote, source);
    }
  });

  it('gives jsdiff’s runs on random lists of every kind', () => {
    const rng = createRng(47);
    for (let round = 0; round < 20000; round++) {
      const vocabulary = rng.int(1, 6);
      same(words(rng, rng.int(0, 14), vocabulary), words(rng, rng.int(0, 14), vocabulary));
    }
  });
});
