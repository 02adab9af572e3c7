// The reference article and its hand-checked labels, as the command-line tests use them.
import { readFileSync } from 'node:fs';

export const ARTICLE_TXT = 'tests/fixtures/corpus/articles/wilby-2023-12-08.txt';
export const ARTICLE_HTML = 'tests/fixtures/corpus/articles/wilby-2023-12-08.html';
export const CORPUS_SOURCES = 'tests/fixtures/corpus/sources';

export interface GoldQuote {
  id: string;
  quote: string;
  start: number; // code points
  end: number;
  verdict: 'verbatim' | 'minor_differences' | 'altered_wording' | 'not_in_corpus';
  source: string | null;
}

export const articleText = readFileSync(ARTICLE_TXT, 'utf8');

/** The gold offsets count code points; the report counts UTF-16 units, as JavaScript strings do. */
function utf16(text: string, codePoints: number): number {
  return Array.from(text).slice(0, codePoints).join('').length;
}

export const gold: GoldQuote[] = (
  JSON.parse(readFileSync('tests/fixtures/corpus/gold/wilby-2023-12-08.json', 'utf8')) as { quotes: GoldQuote[] }
).quotes.map((q) => ({ ...q, start: utf16(articleText, q.start), end: utf16(articleText, q.end) }));

export function goldQuote(id: string): GoldQuote {
  const q = gold.find((g) => g.id === id);
  if (!q) throw new Error(`no gold quote ${id}`);
  return q;
}
