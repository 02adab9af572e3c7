// The worker keeps its loaded index for as long as it lives, so it keeps it compacted: no source
// holds its fingerprints once the postings do (LibraryIndex.compact).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryService } from '../../../entrypoints/background/library-service';
import { LibraryDb } from '../../../lib/library/db';
import { loadedIndexes } from './loaded-indexes';

const readBuiltin = (name: string) => readFile(join(__dirname, '../../../public/sources', name), 'utf8');
const QUOTE = 'Group-based child sexual exploitation has a devastating effect on children and their families.';

afterEach(() => vi.restoreAllMocks());

describe('LibraryService, its loaded index', () => {
  it('holds no source\'s fingerprints, and answers as before', async () => {
    const db = new LibraryDb('verbatim-compacted-index-test-1');
    const library = new LibraryService(db);
    await library.installBuiltins(readBuiltin);
    const compacted = loadedIndexes();
    const answer = await library.check([{ text: QUOTE }]);
    expect(answer.checks[0].verdict).toBe('verbatim');
    expect(compacted).toHaveLength(1);
    const [index] = compacted;
    const ids = index.sources().map((s) => s.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(index.sourceData(id)!.fingerprints.length, id).toBe(0);
    expect(ids).toContain(answer.checks[0].match!.sourceId);
    // A second load (the library changed) is compacted too.
    library.invalidate();
    expect((await library.check([{ text: QUOTE }])).checks).toEqual(answer.checks);
    expect(compacted).toHaveLength(2);
    db.close();
  });
});
