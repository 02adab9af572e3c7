// Sources made up for the index's tests: a plain speech with only an id and a text, and a set of
// them of random sizes over a few common words (so that k-grams repeat across sources).
import type { Source } from '../../../lib/types';
import { createRng } from '../../../scripts/eval/prng';

export function madeSource(id: string, text: string): Source {
  return { id, type: 'speech', title: id, publisher: null, author: null, speaker: null, published: null, url: null, licence: null, coverage: null, excerpt: false, origin: 'file', text };
}

const COMMON_WORDS = ['the', 'nation', 'people', 'we', 'shall', 'congress', 'peace', 'and', 'of', 'year'];

/** `count` sources `s0`, `s1`, …, each of a word count picked from `sizes`, words picked at random. */
export function randomSources(seed: number, count: number, sizes: readonly number[]): Source[] {
  const rng = createRng(seed);
  const sources: Source[] = [];
  for (let k = 0; k < count; k++) {
    const n = rng.pick(sizes);
    sources.push(madeSource(`s${k}`, Array.from({ length: n }, () => rng.pick(COMMON_WORDS)).join(' ')));
  }
  return sources;
}
