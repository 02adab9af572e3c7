// A source's vocabulary as the index build now makes it (one scanner for every source) must be
// what the build made before from tokenize: keys in order of first use, tokens numbered into them.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../lib/text/tokenize';
import { sourceVocabulary, type SourceVocabulary } from '../../../lib/text/source-vocabulary';
import { loadSotuLibrary } from '../../../scripts/eval/library';
import { loadSources } from '../match/corpus';

/** The build's former way: tokenise, then number each key by its first use. */
function fromTokenize(text: string): SourceVocabulary {
  const tokens = tokenize(text);
  const vocabulary: string[] = [];
  const local = new Map<string, number>();
  const tokenWords = new Uint32Array(tokens.length);
  tokens.forEach((t, i) => {
    let w = local.get(t.key);
    if (w === undefined) {
      w = vocabulary.length;
      local.set(t.key, w);
      vocabulary.push(t.key);
    }
    tokenWords[i] = w;
  });
  return {
    tokenStarts: Int32Array.from(tokens, (t) => t.start),
    tokenEnds: Int32Array.from(tokens, (t) => t.end),
    vocabulary,
    tokenWords,
  };
}

function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

function expectSame(text: string, label: string): void {
  const want = fromTokenize(text);
  const got = sourceVocabulary(text);
  expect(got.vocabulary, label).toEqual(want.vocabulary);
  expect(firstDifference(got.tokenWords, want.tokenWords), label).toBe(-1);
  expect(firstDifference(got.tokenStarts, want.tokenStarts), label).toBe(-1);
  expect(firstDifference(got.tokenEnds, want.tokenEnds), label).toBe(-1);
}

describe('sourceVocabulary', () => {
  it('numbers keys by first use, leaving out words merged into compound numbers', () => {
    const got = sourceVocabulary('Twenty-one colours, the colors of twenty one flags: one.');
    expect(got.vocabulary).toEqual(['21', 'colors', 'the', 'of', 'flags', '1']);
    expect(Array.from(got.tokenWords)).toEqual([0, 1, 2, 1, 3, 0, 4, 5]);
  });

  it('gives what tokenize gave, source after source, with the tables shared between them', () => {
    const corpus = loadSources();
    const library = loadSotuLibrary(40);
    // Interleaved, and a text seen twice: each source's numbering must not depend on what came before.
    const texts = [...corpus.map((s) => [s.id, s.text]), ...library.map((s) => [s.id, s.text]), [corpus[0].id, corpus[0].text]];
    for (const [id, text] of texts) expectSame(text, id);
  });
});
