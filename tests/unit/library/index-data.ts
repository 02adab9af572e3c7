// Comparing index data in the stored-index tests.
import { expect } from 'vitest';
import type { SourceIndexData } from '../../../lib/match/library-index';
import { expectSameNumbers } from '../same-numbers';

/** The same index data, token for token: keys (whatever vocabulary they are numbered in), offsets, fingerprints, passages. */
export function expectSameData(a: SourceIndexData | undefined, b: SourceIndexData): void {
  expect(a).toBeDefined();
  const keys = (d: SourceIndexData) => Array.from(d.tokenWords, (w) => d.vocabulary[w]);
  expect(keys(a!)).toEqual(keys(b));
  expectSameNumbers(a!.tokenStarts, b.tokenStarts, 'token starts');
  expectSameNumbers(a!.tokenEnds, b.tokenEnds, 'token ends');
  expectSameNumbers(a!.fingerprints, b.fingerprints, 'fingerprints');
  expectSameNumbers(a!.fingerprintPositions, b.fingerprintPositions, 'fingerprint positions');
  expect(a!.passages).toEqual(b.passages);
}
