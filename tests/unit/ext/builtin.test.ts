import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb, contentHash, toStored } from '../../../lib/library/db';
import { readSource } from '../../../lib/library/stored-texts';
import { builtinSource, installBuiltins, loadCatalogue, parseCatalogue } from '../../../lib/library/builtin';
import type { Source } from '../../../lib/types';

const folder = join(__dirname, '../../../public/sources');
const read = (name: string) => readFile(join(folder, name), 'utf8');

let db: LibraryDb;
let n = 0;
beforeEach(() => {
  db = new LibraryDb(`verbatim-test-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('the built-in catalogue', () => {
  it('lists the four shipped excerpts, each with its text and metadata', async () => {
    const sources = await loadCatalogue(read);
    expect(sources.map((s) => s.id).sort()).toEqual([
      'hmicfrs-press-release-2023',
      'hmicfrs-report-2023',
      'npcc-meta-e2ee-2023',
      'npcc-response-2023',
    ]);
    for (const s of sources) {
      expect(s.origin).toBe('builtin');
      expect(s.excerpt).toBe(true);
      expect(s.text.length).toBeGreaterThan(200);
      expect(s.title.length).toBeGreaterThan(5);
    }
    const release = sources.find((s) => s.id === 'hmicfrs-press-release-2023')!;
    expect(release.type).toBe('press-release');
    expect(release.published).toBe('2023-12-08');
    expect(release.text).toContain('It cannot be overstated how complex');
  });

  it('refuses a malformed catalogue or metadata naming another id', () => {
    expect(() => parseCatalogue('{"sources": ["ok", "../etc/passwd"]}')).toThrow();
    expect(() => parseCatalogue('{"sources": "x"}')).toThrow();
    expect(() => builtinSource('a', 'text', '{"id": "b", "title": "T"}')).toThrow(/another id/);
    expect(() => builtinSource('a', 'text', '{"id": "a"}')).toThrow(/title/);
  });
});

describe('installBuiltins', () => {
  it('installs four sources, and installing again (an update) adds nothing', async () => {
    const sources = await loadCatalogue(read);
    const first = await installBuiltins(db, sources, 1000);
    expect(first.added).toHaveLength(4);
    expect(await db.sources.count()).toBe(4);

    const second = await installBuiltins(db, await loadCatalogue(read), 2000);
    expect(second.added).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(second.kept).toHaveLength(4);
    expect(await db.sources.count()).toBe(4);
    // Unchanged sources keep the time they were first added.
    expect((await db.sources.get('hmicfrs-report-2023'))!.addedAt).toBe(1000);
  });

  it('stores the hash, word count and builtin origin, queryable by origin', async () => {
    await installBuiltins(db, await loadCatalogue(read));
    const stored = (await readSource(db, 'npcc-meta-e2ee-2023'))!;
    expect(stored.contentHash).toBe(await contentHash(stored.text));
    expect(stored.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.words).toBeGreaterThan(50);
    expect(await db.sources.where('origin').equals('builtin').count()).toBe(4);
  });

  it('never overwrites a source the user replaced', async () => {
    const sources = await loadCatalogue(read);
    await installBuiltins(db, sources);
    const mine: Source = { ...sources[0], text: 'The full report, fetched by the reader.', excerpt: false, origin: 'fetched' };
    await db.sources.put(await toStored(mine));

    const report = await installBuiltins(db, await loadCatalogue(read));
    expect(report.kept).toContain(mine.id);
    const kept = (await db.sources.get(mine.id))!;
    expect(kept.origin).toBe('fetched');
    expect(kept.text).toBe('The full report, fetched by the reader.');
    expect(await db.sources.count()).toBe(4);
  });

  it('refreshes a built-in copy whose text changed in an update', async () => {
    const sources = await loadCatalogue(read);
    await installBuiltins(db, sources, 1000);
    const changed = sources.map((s) => (s.id === 'npcc-response-2023' ? { ...s, text: `${s.text}\n\nA corrected paragraph.` } : s));
    const report = await installBuiltins(db, changed, 2000);
    expect(report.updated).toEqual(['npcc-response-2023']);
    const stored = (await db.sources.get('npcc-response-2023'))!;
    expect(stored.text).toContain('A corrected paragraph.');
    expect(stored.addedAt).toBe(1000);
    expect(await db.sources.count()).toBe(4);
  });
});
