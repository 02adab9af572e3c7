import { describe, expect, it } from 'vitest';
import { LibraryIndex, searchLibrary } from '../../../lib/match';
import { loadSources } from './corpus';

const index = LibraryIndex.fromSources(loadSources());

describe('searchLibrary', () => {
  it('ranks the passage that holds all the words, in order, first', () => {
    const hits = searchLibrary(index, 'staggering numbers of reports');
    expect(hits[0].sourceId).toBe('npcc-meta-e2ee-2023');
    expect(hits[0].passage).toContain('There are staggering numbers of reports');
    const src = index.source(hits[0].sourceId)!.text;
    expect(src.slice(hits[0].passageStart, hits[0].passageStart + hits[0].passage.length)).toBe(hits[0].passage);
    // Marks point at the matched words inside the passage (light stemming: reports ↔ report).
    const marked = hits[0].marks.map(([a, b]) => hits[0].passage.slice(a, b).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['staggering', 'numbers', 'reports']));
    expect(src.slice(hits[0].start, hits[0].end).toLowerCase().startsWith('staggering')).toBe(true);
  });

  it('finds words across spelling variants and reports the section', () => {
    const hits = searchLibrary(index, 'serious organized crime strategic assessment');
    expect(hits[0].sourceId).toBe('hmicfrs-report-2023');
    expect(hits[0].section).toBe('Recommendation 3');
  });

  it('orders by score and respects the limit', () => {
    const hits = searchLibrary(index, 'victim-blaming language', 3);
    expect(hits.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
    expect(hits.map((h) => h.sourceId)).toEqual(expect.arrayContaining(['hmicfrs-press-release-2023', 'npcc-response-2023']));
  });

  it('returns nothing for words the library lacks, or an empty query', () => {
    expect(searchLibrary(index, 'zebra crossing')).toEqual([]);
    expect(searchLibrary(index, '')).toEqual([]);
    expect(searchLibrary(index, '   ...  ')).toEqual([]);
  });
});
