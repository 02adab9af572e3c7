// The two baselines the engine is measured against, on the same quotes and the same library:
// an exact substring search and Myers' bit-parallel approximate search, each over every source's
// normalised text. Each names the one source it would cite, so recall can be compared.
import search from 'approx-string-match';
import { normalizeForMatch } from '../../lib/text/index';
import type { Source } from '../../lib/types';

export interface NormalisedSource {
  id: string;
  text: string;
}

export function normaliseSources(sources: readonly Source[]): NormalisedSource[] {
  return sources.map((s) => ({ id: s.id, text: normalizeForMatch(s.text).text }));
}

export function normaliseQuote(text: string): string {
  return normalizeForMatch(text).text.trim();
}

/** The first source (in library order) whose text holds the quote exactly; every source is scanned. */
export function exactSearch(sources: readonly NormalisedSource[], quote: string): string | null {
  let found: string | null = null;
  for (const s of sources) {
    if (s.text.indexOf(quote) >= 0 && found === null) found = s.id;
  }
  return found;
}

/** Share of the quote's length allowed as edits (insertions, deletions, substitutions). */
export const APPROX_ERROR_BUDGET = 0.15;

/** The source with the fewest edits between the quote and some span of it, within the budget; ties go to library order. */
export function approximateSearch(sources: readonly NormalisedSource[], quote: string): string | null {
  const maxErrors = Math.floor(quote.length * APPROX_ERROR_BUDGET);
  let best: string | null = null;
  let bestErrors = Number.POSITIVE_INFINITY;
  for (const s of sources) {
    for (const m of search(s.text, quote, maxErrors)) {
      if (m.errors < bestErrors) {
        bestErrors = m.errors;
        best = s.id;
      }
    }
  }
  return best;
}
