import { describe, expect, it } from 'vitest';
import { queryKey } from '../../../lib/page/query-key';
import type { QuoteQuery } from '../../../lib/types';

/** The key as the page made it before: JSON of the same parts (kept here to compare against). */
const jsonKey = (q: QuoteQuery) => JSON.stringify([q.text, q.attribution ?? null, q.before ?? '', q.after ?? '']);

describe('queryKey', () => {
  // Queries that differ only where parts meet, or in an absent against an empty attribution.
  const queries: QuoteQuery[] = [
    { text: 'ab', attribution: null, before: '', after: 'c' },
    { text: 'a', attribution: null, before: '', after: 'bc' },
    { text: 'a', attribution: null, before: 'b', after: 'c' },
    { text: 'a', attribution: 'b', before: '', after: 'c' },
    { text: 'a', attribution: '', before: 'b', after: 'c' },
    { text: 'a', attribution: null, before: 'bc', after: '' },
    { text: 'a', attribution: '', before: 'bc', after: '' },
    { text: 'a', attribution: null, before: undefined, after: 'bc' },
    { text: '1,2:a', attribution: null, before: '', after: '' },
    { text: '', attribution: '1,2:a', before: '', after: '' },
    { text: 'a"b\\c', attribution: 'It', before: '\n', after: '“”' },
  ];

  it('gives two queries the same key exactly when their JSON keys are the same', () => {
    for (const a of queries) {
      for (const b of queries) expect(queryKey(a) === queryKey(b)).toBe(jsonKey(a) === jsonKey(b));
    }
  });

  it('does so on random queries built from a few characters (where clashes would show)', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const part = () => Array.from({ length: rand(4) }, () => 'ab,:1-'[rand(6)]).join('');
    const made = Array.from({ length: 3000 }, (): QuoteQuery => ({
      text: part(),
      attribution: rand(3) === 0 ? null : part(),
      before: rand(4) === 0 ? undefined : part(),
      after: part(),
    }));
    const byKey = new Map<string, string>();
    const byJson = new Map<string, string>();
    for (const q of made) {
      byKey.set(queryKey(q), jsonKey(q));
      byJson.set(jsonKey(q), queryKey(q));
    }
    expect(byKey.size).toBe(byJson.size);
    for (const [key, json] of byKey) expect(byJson.get(json)).toBe(key);
  });
});
