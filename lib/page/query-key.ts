// The key a page remembers a quote's check by: quotes with the same query (words, attribution,
// context) are sent once and share their verdict.
import type { QuoteQuery } from '../types';

/**
 * One string per distinct query: the parts' lengths, then the parts one after another. The
 * lengths say where each part ends, so two different queries never share a key; unlike
 * JSON.stringify there is no escaping to scan for (300 quotes on a long page).
 */
export function queryKey(q: QuoteQuery): string {
  const attribution = q.attribution ?? null;
  const before = q.before ?? '';
  const after = q.after ?? '';
  const lengths = `${q.text.length},${attribution === null ? -1 : attribution.length},${before.length},${after.length}`;
  return `${lengths}:${q.text}${attribution ?? ''}${before}${after}`;
}
