// The library page's list: what each row says about a source, and search and sort over them.
import type { SourceOrigin } from '../types';
import type { StoredSource } from './db';
import { parsePassages } from './passages';

export type SortKey = 'title' | 'added' | 'published' | 'words';

export const SORT_LABELS: Record<SortKey, string> = {
  title: 'Title (A–Z)',
  added: 'Recently added',
  published: 'Date published (newest)',
  words: 'Size (largest)',
};

export const ORIGIN_LABELS: Record<SourceOrigin, string> = {
  builtin: 'Built-in',
  fetched: 'Fetched',
  page: 'Page',
  file: 'File',
  paste: 'Pasted',
  pack: 'Pack',
};

export interface SourceRow {
  source: StoredSource;
  passages: number;
  pages: number | null; // PDFs only
}

export function sourceRow(source: StoredSource): SourceRow {
  return {
    source,
    passages: parsePassages(source.text).length,
    pages: source.pageStarts ? source.pageStarts.length : null,
  };
}

/** Rows whose title, publisher, author or type hold every word of the query, in the chosen order. */
export function listRows(rows: SourceRow[], query: string, sort: SortKey): SourceRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = rows.filter(({ source: s }) => {
    const hay = [s.title, s.publisher, s.author, s.type, ORIGIN_LABELS[s.origin]].filter(Boolean).join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const byTitle = (a: SourceRow, b: SourceRow) => a.source.title.localeCompare(b.source.title);
  const order: Record<SortKey, (a: SourceRow, b: SourceRow) => number> = {
    title: byTitle,
    added: (a, b) => b.source.addedAt - a.source.addedAt || byTitle(a, b),
    published: (a, b) => (b.source.published ?? '').localeCompare(a.source.published ?? '') || byTitle(a, b),
    words: (a, b) => b.source.words - a.source.words || byTitle(a, b),
  };
  return [...matching].sort(order[sort]);
}

/** `1.2 MB of 10 GB`, for the storage line. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
