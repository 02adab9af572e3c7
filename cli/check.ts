// `verbatim check`: the library, the article, the report.
import type { ArticleReport } from '../lib/types';
import { checkArticle } from '../lib/check-article';
import { LibraryIndex } from '../lib/match/index';
import { readArticle } from './article';
import { loadSources } from './sources';

export async function runCheck(articlePath: string, sourcePaths: readonly string[]): Promise<ArticleReport> {
  // Sources first: a mistake in the library is reported before any work on the article.
  const sources = await loadSources(sourcePaths);
  const article = await readArticle(articlePath);
  return checkArticle(article, LibraryIndex.fromSources(sources));
}
