// Removing sources with a way back: the removal returns exactly what it took (the source records
// and their index rows), so "Undo" puts back the same records, not re-imported copies. A removed
// built-in source leaves a tombstone, so the next install or update does not bring it back.
import type { LibraryDb, RemovedBuiltin, StoredIndex, StoredSource } from './db';
import { readRowsById, withTexts } from './stored-texts';

export interface Removal {
  sources: StoredSource[];
  indexes: StoredIndex[];
  tombstones: RemovedBuiltin[];
}

/**
 * Removes the sources with these ids (unknown ids are ignored), in one transaction. Their words
 * stay in the library lexicon: harmless, and other rows keep their word numbers.
 */
export async function removeSources(db: LibraryDb, ids: string[], now: number = Date.now()): Promise<Removal> {
  const { read, indexes, tombstones } = await db.transaction('rw', db.sources, db.indexes, db.removed, db.texts, async () => {
    // With their texts (a folded row's from the fold), so that Undo puts back whole records; a
    // row whose text cannot be found is still removed. Its stale fold entry is dropped by the next fold.
    const read = await readRowsById(db, ids);
    const found = read.rows.map((s) => s.id);
    const indexes = (await db.indexes.bulkGet(found)).filter((r): r is StoredIndex => r !== undefined);
    const tombstones = read.rows.filter((s) => s.origin === 'builtin').map((s) => ({ id: s.id, removedAt: now }));
    await db.sources.bulkDelete(found);
    await db.indexes.bulkDelete(found);
    await db.removed.bulkPut(tombstones);
    return { read, indexes, tombstones };
  });
  // The fold's bytes are read once the transaction is done (a Blob taken from it stays readable).
  return { sources: await withTexts(read), indexes, tombstones };
}

/**
 * Undoes a removal: the same records back, and the built-ins' tombstones lifted. The index rows go
 * back as they were, naming the lexicon generation they were written against: the lexicon only
 * grows, so their words are still in it; if it has been replaced meanwhile, the next load finds
 * the generation changed and rebuilds those rows.
 */
export async function restoreRemoval(db: LibraryDb, removal: Removal): Promise<void> {
  await db.transaction('rw', db.sources, db.indexes, db.removed, async () => {
    await db.sources.bulkPut(removal.sources);
    await db.indexes.bulkPut(removal.indexes);
    await db.removed.bulkDelete(removal.tombstones.map((t) => t.id));
  });
}
