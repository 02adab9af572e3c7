// Once a page's checks are answered and the worker is idle, it sorts the postings partitions its
// checks read unsorted, so that the next page's lookups find them sorted.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryService } from '../../../entrypoints/background/library-service';
import { LibraryDb } from '../../../lib/library/db';
import { LibraryIndex } from '../../../lib/match/library-index';

const readBuiltin = (name: string) => readFile(join(__dirname, '../../../public/sources', name), 'utf8');
const QUOTES = [
  'Group-based child sexual exploitation has a devastating effect on children and their families.',
  'It cannot be overstated how complex and challenging these crimes can be to prevent and investigate',
];
const pause = (ms: number) => new Promise((resume) => setTimeout(resume, ms));

afterEach(() => vi.restoreAllMocks());

describe('LibraryService, idle after its answers', () => {
  it('sorts the partitions its checks read unsorted, a second after the last check, until none is left', async () => {
    const db = new LibraryDb('verbatim-idle-sort-test-1');
    const library = new LibraryService(db);
    await library.installBuiltins(readBuiltin);
    const calls: boolean[] = [];
    const sortLookedUp = LibraryIndex.prototype.sortLookedUp;
    vi.spyOn(LibraryIndex.prototype, 'sortLookedUp').mockImplementation(function (this: LibraryIndex, count: number) {
      const more = sortLookedUp.call(this, count);
      calls.push(more);
      return more;
    });
    const first = await library.check([{ text: QUOTES[0] }]);
    expect(first.checks[0].verdict).toBe('verbatim');
    await pause(500);
    // A check within the second puts the sorting off again.
    await library.check([{ text: QUOTES[1] }]);
    await pause(700);
    expect(calls).toEqual([]);
    await pause(800);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls[calls.length - 1]).toBe(false); // every partition read unsorted is sorted now
    const after = calls.length;
    await pause(300);
    expect(calls.length).toBe(after); // and nothing more is scheduled
    // The answers are those of before.
    expect((await library.check([{ text: QUOTES[0] }])).checks).toEqual(first.checks);
    db.close();
  });
});
