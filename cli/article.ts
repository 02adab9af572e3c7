// The article to check: a saved page (.html) or its text (.txt, .md).
import { parseHTML } from 'linkedom';
import type { ArticleInput } from '../lib/check-article';
import { extractArticle } from '../lib/quotes/index';
import { InputError } from './errors';
import { extensionOf, pathKind, readTextFile } from './files';

export const ARTICLE_EXTENSIONS = ['.html', '.htm', '.txt', '.md'] as const;

/** A plain-text article's title: its first line, when that line reads like a headline rather than a paragraph. */
export function titleOfText(text: string): string | null {
  const first = text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
  const words = first.split(/\s+/).filter(Boolean).length;
  if (words === 0 || words > 20 || /[.!?:;,]$/.test(first)) return null;
  return first.replace(/^#+\s*/, '');
}

export async function readArticle(path: string): Promise<ArticleInput> {
  if ((await pathKind(path)) === 'folder') throw new InputError(`${path} is a folder, not an article`);
  const ext = extensionOf(path);
  if (!(ARTICLE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new InputError(`unknown article type '${ext || path}': ${path} (expected .html, .htm, .txt or .md)`);
  }
  const raw = await readTextFile(path);
  if (ext === '.html' || ext === '.htm') {
    const { document } = parseHTML(raw);
    const { text, explicit, meta } = extractArticle(document);
    if (text.trim() === '') throw new InputError(`${path} has no article text`);
    return { text, explicit, meta };
  }
  // Offsets index the file's text as read: nothing is normalised here.
  return { text: raw, meta: { title: titleOfText(raw), url: null } };
}
