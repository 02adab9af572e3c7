// The full text of a catalogue source, taken from the original's web page: the page's answer is
// checked (a success, HTML, a document with headings and paragraphs), its structure becomes source
// text, and it replaces the excerpt under the same id, index row included, in one transaction.
// Every refusal is a FetchSourceError whose message tells the reader that nothing changed.
import type { SourceMeta } from '../types';
import { type LibraryDb, type StoredSource, toStored } from './db';
import { parsePassages } from './passages';
import { htmlToSourceText } from './source-text';
import { prepareIndex, writeIndexRows } from './stored-index';

export class FetchSourceError extends Error {
  override name = 'FetchSourceError';
}

/** What a fetch answered, as plain data: fetch in the browser, anything in tests. */
export interface PageAnswer {
  url: string;
  status: number;
  contentType: string | null;
  body: string;
}

/** The least a page must hold to count as the document: paragraphs of words, not a menu. */
const MIN_PARAGRAPHS = 3;
const MIN_WORDS = 80;

const UNCHANGED = 'The excerpt in your library is unchanged.';

/** The origin pattern a host permission names for a web address, e.g. `https://example.org/*`. */
export function originPattern(url: string): string {
  const u = new URL(url);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new FetchSourceError(`${url} is not a web address. ${UNCHANGED}`);
  return `${u.protocol}//${u.hostname}/*`;
}

/** The document's text and metadata from a page's answer, or a FetchSourceError saying why not. */
export function documentFromAnswer(answer: PageAnswer, parse: (html: string) => Document): { text: string; meta: Partial<SourceMeta> } {
  const host = new URL(answer.url).host;
  if (answer.status < 200 || answer.status > 299) {
    throw new FetchSourceError(`${host} answered ${answer.status}${answer.status === 404 ? ' (not found)' : ''}: the page could not be fetched. ${UNCHANGED}`);
  }
  const type = (answer.contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'text/html' && type !== 'application/xhtml+xml') {
    throw new FetchSourceError(`${host} sent ${type || 'something'} rather than a web page. ${UNCHANGED}`);
  }
  const { text, meta } = htmlToSourceText(parse(answer.body));
  const paragraphs = parsePassages(text).filter((p) => !p.heading);
  const words = text.split(/\s+/).filter((w) => /\w/.test(w)).length;
  if (paragraphs.length < MIN_PARAGRAPHS || words < MIN_WORDS) {
    throw new FetchSourceError(`The page at ${host} holds no document to read (${words} words of text). ${UNCHANGED}`);
  }
  return { text, meta };
}

/**
 * Replaces a source's text with the fetched full text, keeping its id and the details the library
 * already holds (the reader may have corrected them); one transaction writes the source and its index.
 */
export async function replaceWithFetched(db: LibraryDb, id: string, text: string): Promise<StoredSource> {
  const current = await db.sources.get(id);
  if (!current) throw new FetchSourceError('That source is no longer in the library.');
  const { contentHash: _h, words: _w, pageStarts: _p, textLength: _l, text: _t, addedAt, ...rest } = current;
  const next = await toStored({ ...rest, text, excerpt: false, origin: 'fetched', coverage: null }, addedAt);
  // Built before the transaction opens: IndexedDB commits a transaction left idle.
  const index = prepareIndex(next);
  await db.transaction('rw', db.sources, db.indexes, db.lexicon, async () => {
    // The source may have gone while the page was being fetched: never bring it back.
    if (!(await db.sources.get(id))) throw new FetchSourceError('That source is no longer in the library.');
    await db.sources.put(next);
    await writeIndexRows(db, [index]);
  });
  return next;
}
