// Comparing long arrays of numbers in tests: a plain loop first, since vitest's deep equality walks
// a typed array element by element through its generic path (seconds over a whole library); only
// when the two differ is the deep comparison made, for its message naming the first difference.
import { expect } from 'vitest';

export function expectSameNumbers(got: ArrayLike<number>, want: ArrayLike<number>, label?: string): void {
  let same = got.length === want.length;
  for (let i = 0; same && i < got.length; i++) same = got[i] === want[i];
  if (same) return;
  expect(Array.from(got), label).toEqual(Array.from(want));
  throw new Error(`${label ?? 'numbers'}: differ`); // equal as plain arrays but not element for element (e.g. −0)
}
