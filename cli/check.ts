// `verbatim check`: the library, the article, the report.
import type { ArticleReport } from '../lib/types';
import { checkArticle } from '../lib/check-article';
import { LibraryIndex } from '../lib/match/index';
import { readArticle } from './article';
import { pageAt } from '../lib/library/pdf-text';
import { type LoadedSource, loadSources } from './sources';

export async function runCheck(articlePath: string, sourcePaths: readonly string[]): Promise<ArticleReport> {
  // Sources first: a mistake in the library is reported before any work on the article.
  const loaded = await loadSources(sourcePaths);
  const article = await readArticle(articlePath);
  const sources = loaded.map(({ pageStarts: _pages, ...source }) => source);
  return withPages(checkArticle(article, LibraryIndex.fromSources(sources)), loaded);
}

/** Each match in a PDF source gets the page its passage starts on, as the extension's card shows it. */
export function withPages(report: ArticleReport, sources: readonly LoadedSource[]): ArticleReport {
  const starts = new Map(sources.filter((s) => s.pageStarts?.length).map((s) => [s.id, s.pageStarts!]));
  if (starts.size === 0) return report;
  return {
    ...report,
    quotes: report.quotes.map((q) => {
      const pages = q.match ? starts.get(q.match.sourceId) : undefined;
      if (!q.match || !pages || q.match.page !== null) return q;
      return { ...q, match: { ...q.match, page: pageAt(pages, q.match.start) } };
    }),
  };
}
