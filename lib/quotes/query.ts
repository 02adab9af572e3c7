// What the matcher is asked for one quote. Kept apart from lib/check-article, which brings in the
// matcher: the content script needs only the query, and should not load (or run) the matcher's code.
import type { Quote, QuoteQuery } from '../types';
import { quoteContext } from './context';

/** What the matcher is asked for one quote: its words, who the article says said it, and its surroundings. */
export function queryFor(text: string, quote: Quote): QuoteQuery {
  const { before, after } = quoteContext(text, { start: quote.start, end: quote.end });
  return { text: quote.text, attribution: quote.attribution, before, after };
}
