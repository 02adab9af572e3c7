// What the library page does to the library, apart from how it looks: reading files and packs into
// sources (all refused if any one is refused), importing them in one transaction, and telling the
// background after every change so its next check reads the library again.
import type { LibraryDb, StoredSource } from '../../lib/library/db';
import { FetchSourceError, type PageAnswer, documentFromAnswer, originPattern, replaceWithFetched } from '../../lib/library/fetched-source';
import { type ImportReport, type IncomingSource, importSources } from '../../lib/library/import';
import { ImportError, type OpenPdf, describeStorageError, fileKind, sourceFromFile } from '../../lib/library/file-source';
import { PackError, fromPack, parsePack } from '../../lib/library/pack';

export interface LibraryDeps {
  db: LibraryDb;
  openPdf: OpenPdf;
  /** Tells the background the library changed (it drops its in-memory index). */
  notifyChanged(): Promise<void>;
}

export interface PickedFile {
  name: string;
  bytes(): Promise<Uint8Array>;
}

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; error: string };

/** Reads every file first; one refused file refuses the whole batch, so nothing is half-imported. */
export async function readFiles(files: PickedFile[], openPdf: OpenPdf): Promise<IncomingSource[]> {
  const incoming: IncomingSource[] = [];
  for (const file of files) {
    const bytes = await file.bytes();
    if (fileKind(file.name) === 'pack') {
      try {
        incoming.push(...(await parsePack(new TextDecoder().decode(bytes))).map(fromPack));
      } catch (e) {
        if (e instanceof PackError) throw new ImportError(`${file.name}: ${e.message}. Nothing was imported.`);
        throw e;
      }
    } else {
      incoming.push(await sourceFromFile(file.name, bytes, { openPdf }));
    }
  }
  return incoming;
}

export async function importIncoming(deps: LibraryDeps, read: () => Promise<IncomingSource[]>): Promise<ImportOutcome> {
  let incoming: IncomingSource[];
  try {
    incoming = await read();
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, error: e.message };
    return { ok: false, error: `The file could not be read (${e instanceof Error ? e.message : String(e)}). Nothing was imported.` };
  }
  if (incoming.length === 0) return { ok: false, error: 'There was nothing to import.' };
  try {
    const report = await importSources(deps.db, incoming);
    if (report.added.length > 0) await deps.notifyChanged();
    return { ok: true, report };
  } catch (e) {
    return { ok: false, error: describeStorageError(e) };
  }
}

export function importSummary(report: ImportReport): string {
  const parts: string[] = [];
  const n = report.added.length;
  if (n === 1) parts.push(`Added “${report.added[0].title}” (${report.added[0].words.toLocaleString('en')} words).`);
  else if (n > 1) parts.push(`Added ${n} sources.`);
  for (const d of report.duplicates) parts.push(`“${d.title}” is already in your library.`);
  return parts.join(' ');
}

/** How the library page reaches the web for "Get the full text": both only ever on the reader's click. */
export interface FullTextDeps {
  /** Asks the reader for access to one host (an origin pattern); true when granted. */
  requestHost(pattern: string): Promise<boolean>;
  /** Fetches a page, answering its status, type and text; throws when the host cannot be reached. */
  fetchPage(url: string): Promise<PageAnswer>;
  parseHtml?: (html: string) => Document;
}

export type FullTextOutcome = { ok: true; source: StoredSource } | { ok: false; error: string };

/**
 * Replaces a source's excerpt with the full text of its original's page. The host permission is
 * asked for first, while the click still counts as the reader's gesture; any refusal changes nothing.
 */
export async function getFullText(deps: LibraryDeps & FullTextDeps, source: StoredSource): Promise<FullTextOutcome> {
  if (!source.url) return { ok: false, error: `“${source.title}” has no web address to fetch.` };
  let pattern: string;
  try {
    pattern = originPattern(source.url);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const host = new URL(source.url).host;
  if (!(await deps.requestHost(pattern).catch(() => false))) {
    return { ok: false, error: `Verbatim was not allowed to read ${host}. The excerpt in your library is unchanged.` };
  }
  let answer: PageAnswer;
  try {
    answer = await deps.fetchPage(source.url);
  } catch {
    return { ok: false, error: `${host} could not be reached. Check the connection and try again. The excerpt in your library is unchanged.` };
  }
  try {
    const parse = deps.parseHtml ?? ((html: string) => new DOMParser().parseFromString(html, 'text/html'));
    const { text } = documentFromAnswer(answer, parse);
    const stored = await replaceWithFetched(deps.db, source.id, text);
    await deps.notifyChanged();
    return { ok: true, source: stored };
  } catch (e) {
    if (e instanceof FetchSourceError) return { ok: false, error: e.message };
    return { ok: false, error: describeStorageError(e).replace('Nothing was imported.', 'The excerpt in your library is unchanged.') };
  }
}
