// One article against the library: detect its quotes, check each one, and assemble the report
// that the command line prints and the extension shows. Pure: no Node or browser API.
import type { ArticleMeta, ArticleReport, Quote, QuoteCheck, QuoteQuery, QuoteResult } from './types';
import { detectQuotes, type ExplicitQuote } from './quotes/index';
import { queryFor } from './quotes/query';
import { checkQuote, type LibraryIndex } from './match/index';
import { countWords } from './text/words';

export { queryFor };

export interface ArticleInput {
  text: string;
  explicit?: ExplicitQuote[]; // quote spans the page's markup gives (`<q>`, `<blockquote>`), from `extractArticle`
  meta?: Partial<ArticleMeta>;
}

export function checkArticle(article: ArticleInput, index: LibraryIndex): ArticleReport {
  const quotes = detectQuotes(article.text, article.explicit);
  const results: QuoteResult[] = quotes.map((quote) => {
    const check: QuoteCheck = checkQuote(index, queryFor(article.text, quote));
    return { ...quote, verdict: check.verdict, match: check.match, alsoIn: check.alsoIn };
  });
  return {
    article: {
      title: article.meta?.title ?? null,
      url: article.meta?.url ?? null,
      words: countWords(article.text),
    },
    sources: index.sources().map((s) => ({ id: s.id, title: s.title, words: countWords(s.text) })),
    quotes: results,
  };
}

/** One quote as the `--json` contract (DESIGN.md, "Command line") spells it: no other field at this level. */
export interface QuoteJson {
  text: string;
  start: number;
  end: number;
  words: number;
  short: boolean;
  attribution: string | null;
  verdict: QuoteResult['verdict'];
  match: QuoteResult['match'];
  alsoIn: QuoteResult['alsoIn'];
}

export interface ArticleReportJson {
  article: ArticleReport['article'];
  sources: ArticleReport['sources'];
  quotes: QuoteJson[];
}

/**
 * The report as the `--json` object: the contract's fields in the contract's order. The detector's
 * own bookkeeping (quote marks, nesting) stays out; `match` keeps its extra fields (the contract allows them).
 */
export function reportJson(report: ArticleReport): ArticleReportJson {
  return {
    article: { title: report.article.title, url: report.article.url, words: report.article.words },
    sources: report.sources.map((s) => ({ id: s.id, title: s.title, words: s.words })),
    quotes: report.quotes.map((q) => ({
      text: q.text,
      start: q.start,
      end: q.end,
      words: q.words,
      short: q.short,
      attribution: q.attribution,
      verdict: q.verdict,
      match: q.match,
      alsoIn: q.alsoIn,
    })),
  };
}
