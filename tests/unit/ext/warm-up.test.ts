// The background starts loading the library when its worker starts, before any page asks.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryService } from '../../../entrypoints/background/library-service';
import { LibraryDb } from '../../../lib/library/db';

const readBuiltin = (name: string) => readFile(join(__dirname, '../../../public/sources', name), 'utf8');
const QUOTE = 'Group-based child sexual exploitation has a devastating effect on children and their families.';

describe('LibraryService.warmUp', () => {
  it('loads the index before the first check: the check answers from memory', async () => {
    const db = new LibraryDb('verbatim-warm-up-test-1');
    await new LibraryService(db).installBuiltins(readBuiltin);
    const library = new LibraryService(db);
    await library.warmUp();
    // Empty the database behind the service's back: only an index already in memory still finds the quote.
    await db.transaction('rw', db.sources, db.indexes, async () => {
      await db.sources.clear();
      await db.indexes.clear();
    });
    const answer = await library.check([{ text: QUOTE }]);
    expect(answer.checks[0].verdict).toBe('verbatim');
    expect(answer.librarySize).toBe(4);
    // Without the warm-up, the same check reads the (now empty) database.
    expect((await new LibraryService(db).check([{ text: QUOTE }])).checks[0].verdict).toBe('not_found');
    db.close();
  });

  it('a warm-up begun before the built-in sources are installed does not hide them', async () => {
    const db = new LibraryDb('verbatim-warm-up-test-2');
    const library = new LibraryService(db);
    const warming = library.warmUp();
    await library.installBuiltins(readBuiltin);
    await warming;
    const answer = await library.check([{ text: QUOTE }]);
    expect(answer.checks[0].verdict).toBe('verbatim');
    expect(answer.librarySize).toBe(4);
    db.close();
  });
});
