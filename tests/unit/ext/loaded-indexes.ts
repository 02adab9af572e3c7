// The indexes a LibraryService loads, caught as the service compacts each one once loaded.
import { vi } from 'vitest';
import { LibraryIndex } from '../../../lib/match/library-index';

/** Every LibraryIndex compacted from now on, in order (the spy is undone by vi.restoreAllMocks). */
export function loadedIndexes(): LibraryIndex[] {
  const loaded: LibraryIndex[] = [];
  const compact = LibraryIndex.prototype.compact;
  vi.spyOn(LibraryIndex.prototype, 'compact').mockImplementation(function (this: LibraryIndex) {
    loaded.push(this);
    compact.call(this);
  });
  return loaded;
}
