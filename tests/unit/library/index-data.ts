// Comparing index data in the stored-index tests.
import { expect } from 'vitest';
import type { SourceIndexData } from '../../../lib/match/library-index';

/** The same index data, token for token: keys (whatever vocabulary they are numbered in), offsets, fingerprints, passages. */
export function expectSameData(a: SourceIndexData | undefined, b: SourceIndexData): void {
  expect(a).toBeDefined();
  const keys = (d: SourceIndexData) => Array.from(d.tokenWords, (w) => d.vocabulary[w]);
  expect(keys(a!)).toEqual(keys(b));
  expect(a!.tokenStarts).toEqual(b.tokenStarts);
  expect(a!.tokenEnds).toEqual(b.tokenEnds);
  expect(a!.fingerprints).toEqual(b.fingerprints);
  expect(a!.fingerprintPositions).toEqual(b.fingerprintPositions);
  expect(a!.passages).toEqual(b.passages);
}
