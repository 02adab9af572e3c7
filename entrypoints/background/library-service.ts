// The background's library: the Dexie database, the built-in catalogue, and an in-memory
// LibraryIndex loaded from the database (stored index rows where current) on first use. A service worker can be stopped at any
// moment, so nothing here assumes it lives long: the index is rebuilt on demand.
import { type LibraryIndex, checkQuote, searchLibrary } from '@/lib/match/index';
import type { QuoteCheck, QuoteQuery } from '@/lib/types';
import type { LibraryDb, StoredSnapshot, StoredSource } from '@/lib/library/db';
import { loadLibraryIndex, storeSnapshot } from '@/lib/library/stored-index';
import { foldTexts } from '@/lib/library/stored-texts';
import { UnreadableText, hasLateText } from '@/lib/library/late-text';
import { type InstallReport, type ReadCatalogueFile, installBuiltins, loadCatalogue } from '@/lib/library/builtin';
import { pageAt } from '@/lib/library/pdf-text';
import type { CheckResponse, SearchResponse, SourceInfo, SourcesResponse } from '@/lib/messages';
import { TRACING, traceMark } from '@/lib/page/trace';

/**
 * How long after a load its rows are folded into the snapshot: after the page that woke the worker
 * has had its answers, so that writing 6 MB does not compete with them.
 */
const SNAPSHOT_DELAY_MS = 3000;

/**
 * How long after the last check the worker begins sorting the postings partitions the checks read
 * unsorted: once a page's batches have all been answered, so that the next page finds them sorted.
 */
const IDLE_SORT_DELAY_MS = 1000;
/** Partitions sorted in one task while the worker is idle (about a millisecond of work). */
const PARTITIONS_SORTED_AT_A_TIME = 32;

/** Folded texts decoded in one task while the worker is idle (about a millisecond of work). */
const TEXTS_DECODED_AT_A_TIME = 16;

/** Resumes in a later task, after the tasks and answers already queued. */
function nextTask(): Promise<void> {
  return new Promise((resume) => setTimeout(resume, 0));
}

/** The fields of a stored source that are not its details. */
const NOT_DETAILS: ReadonlySet<string> = new Set(['text', 'contentHash', 'addedAt', 'pageStarts']);

/** A stored source's details, field by field: its text is not read (a folded one is decoded when first read). */
export function sourceInfo(stored: StoredSource): SourceInfo {
  const info: Record<string, unknown> = {};
  for (const key of Object.keys(stored)) if (!NOT_DETAILS.has(key)) info[key] = stored[key as keyof StoredSource];
  return info as unknown as SourceInfo;
}

/**
 * `work` over the loaded library. A folded text found damaged when first read (UnreadableText)
 * takes its source out of the library in memory, and `work` runs again without it, so nothing is
 * answered from a damaged text. The library page finds the same text unreadable when it reads it.
 */
function readable<T>(loaded: Loaded, work: () => T): T {
  for (;;) {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof UnreadableText) || !loaded.index.has(error.sourceId)) throw error;
      loaded.index.remove(error.sourceId);
      loaded.infos.delete(error.sourceId);
      loaded.pageStarts.delete(error.sourceId);
      loaded.hashes.delete(error.sourceId);
    }
  }
}

/** Decodes the next few folded texts not read yet; true while some are left. */
function decodeMore(loaded: Loaded): boolean {
  const next = loaded.undecoded.splice(-TEXTS_DECODED_AT_A_TIME);
  readable(loaded, () => {
    for (const id of next) void loaded.index.source(id)?.text; // read for its decoding and check
  });
  return loaded.undecoded.length > 0;
}

/** The PDF page of the matched passage, when the source records its pages. */
function withPage(check: QuoteCheck, pageStarts: Map<string, number[]>): QuoteCheck {
  const starts = check.match ? pageStarts.get(check.match.sourceId) : undefined;
  if (!check.match || !starts || check.match.page !== null) return check;
  return { ...check, match: { ...check.match, page: pageAt(starts, check.match.start) } };
}

interface Loaded {
  index: LibraryIndex;
  infos: Map<string, SourceInfo>;
  pageStarts: Map<string, number[]>; // PDF sources: where each page begins in the text
  snapshot: StoredSnapshot | null; // the rows to fold into the snapshot, when the load took separate rows or built any
  textsToFold: boolean; // the load read texts in their own rows (or stale fold entries): foldTexts follows
  hashes: Map<string, string>; // each loaded source's contentHash: tells whether its text in the index is a row's
  undecoded: string[]; // sources whose folded text no read has decoded yet: decoded while the worker is idle
}

export class LibraryService {
  private loaded: Promise<Loaded> | null = null;
  private installing: Promise<unknown> | null = null;
  /** Texts of the quotes asked for while the library loads (the load readies their lookups); null when no load is under way. */
  private waiting: string[] | null = null;
  /** How many check requests this worker has had: numbers the timing marks of the benchmark's build. */
  private checked = 0;
  /** The idle sorting's next piece (or its start, after a check), when one is due. */
  private sortTimer: ReturnType<typeof setTimeout> | null = null;
  /** The index of the library loaded now; null while none is (or once it is forgotten). */
  private current: LibraryIndex | null = null;

  constructor(readonly db: LibraryDb) {}

  /** Loads the built-in catalogue into the library; checks asked meanwhile wait for it. */
  installBuiltins(read: ReadCatalogueFile): Promise<InstallReport> {
    const run = (async () => {
      const report = await installBuiltins(this.db, await loadCatalogue(read));
      if (report.added.length || report.updated.length) this.invalidate();
      return report;
    })();
    const settled = run.catch(() => undefined);
    this.installing = settled;
    void settled.finally(() => {
      if (this.installing === settled) this.installing = null;
    });
    return run;
  }

  /** Forget the in-memory index: the next request rebuilds it from the database. */
  invalidate(): void {
    this.loaded = null;
    this.current = null;
  }

  private async load(): Promise<Loaded> {
    if (this.installing) await this.installing;
    if (!this.loaded) {
      const waiting: string[] = [];
      this.waiting = waiting;
      const attempt = (async () => {
        const { index, sources: stored, report } = await loadLibraryIndex(this.db, TRACING ? (phase) => traceMark(`bg:load:${phase}`) : undefined, waiting);
        // The worker keeps this index for as long as it lives: what only the build needed goes.
        index.compact();
        return {
          index,
          infos: new Map(stored.map((s) => [s.id, sourceInfo(s)])),
          pageStarts: new Map(stored.flatMap((s) => (s.pageStarts ? [[s.id, s.pageStarts] as const] : []))),
          snapshot: report.snapshot,
          textsToFold: report.textsToFold,
          hashes: new Map(stored.map((s) => [s.id, s.contentHash])),
          undecoded: stored.filter((s) => hasLateText(s)).map((s) => s.id),
        };
      })();
      this.loaded = attempt;
      attempt.then((l) => {
        if (this.loaded === attempt) this.current = l.index;
      }, () => undefined);
      void attempt.catch(() => undefined).finally(() => {
        if (this.waiting === waiting) this.waiting = null;
      });
      attempt.then((l) => this.storeSnapshotLater(attempt, l), () => undefined);
      attempt.catch(() => {
        if (this.loaded === attempt) this.loaded = null; // a failed build is retried next time
      });
    }
    return this.loaded;
  }

  /**
   * Folds the rows a load offered into the snapshot the next cold start reads (their separate rows
   * are deleted as they go in), then the texts read from their own rows into the texts fold,
   * unless the library was invalidated meanwhile (both writes check each row against its source
   * anyway; this only saves a stale one's write). A failure only means the next cold start reads
   * separate values again.
   */
  private storeSnapshotLater(attempt: Promise<Loaded>, loaded: Loaded): void {
    const snapshot = loaded.snapshot;
    const texts = loaded.textsToFold;
    if (!snapshot && !texts) return;
    loaded.snapshot = null; // its rows are not held in memory past the write
    loaded.textsToFold = false;
    setTimeout(() => {
      if (this.loaded !== attempt) return;
      // The rows first, then the texts (each its own transaction; a failure of either only means
      // the next cold start reads more separate values).
      void (async () => {
        if (snapshot) await storeSnapshot(this.db, snapshot).catch(() => undefined);
        if (texts && this.loaded === attempt) await foldTexts(this.db).catch(() => undefined);
      })();
    }, SNAPSHOT_DELAY_MS);
  }

  /**
   * Starts loading the library now, without waiting to be asked: a stopped service worker is mostly
   * started by a page that is about to send its quotes. A failure is left for the next request.
   */
  warmUp(): Promise<void> {
    traceMark('bg:warm-up');
    return this.load().then(
      () => traceMark('bg:warmed'),
      () => undefined,
    );
  }

  async check(quotes: QuoteQuery[]): Promise<CheckResponse> {
    const batch = this.checked++;
    traceMark(`bg:received:${batch}`);
    const loading = this.load();
    // A load under way readies these quotes' lookups while it waits for IndexedDB.
    if (this.waiting) for (const q of quotes) if (typeof q.text === 'string') this.waiting.push(q.text);
    const loaded = await loading;
    const { index, infos, pageStarts } = loaded;
    // Requests that waited for the library all resume at once: each is checked in a task of its
    // own, so that its answer leaves for the page before the next one is checked.
    await nextTask();
    traceMark(`bg:loaded:${batch}`);
    const checks = readable(loaded, () => quotes.map((q) => withPage(checkQuote(index, q), pageStarts)));
    traceMark(`bg:checked:${batch}`);
    this.sortWhenIdle(loaded);
    const sources: Record<string, SourceInfo> = {};
    for (const check of checks) {
      for (const id of [check.match?.sourceId, ...check.alsoIn.map((a) => a.sourceId)]) {
        const info = id ? infos.get(id) : undefined;
        if (info) sources[info.id] = info;
      }
    }
    return { ok: true, checks, sources, librarySize: infos.size };
  }

  /**
   * A cold worker's first checks read each postings partition they reach as built, and its next
   * lookup would sort it (see SortedPostings): once no check has come for a while, those partitions
   * are sorted in small pieces, each a task of its own, so that the next page's lookups find them
   * sorted. Then the folded texts no check has read are decoded, in pieces too: a text found
   * damaged leaves the library in memory now rather than in a later check, and once every text is
   * decoded the fold's bytes are let go. Each check puts the start off again; a library no longer
   * the loaded one is left alone.
   */
  private sortWhenIdle(loaded: Loaded): void {
    if (this.sortTimer !== null) clearTimeout(this.sortTimer);
    const { index } = loaded;
    const piece = () => {
      const more = this.current === index && (index.sortLookedUp(PARTITIONS_SORTED_AT_A_TIME) || decodeMore(loaded));
      this.sortTimer = more ? setTimeout(piece, 0) : null;
    };
    this.sortTimer = setTimeout(piece, IDLE_SORT_DELAY_MS);
  }

  async search(query: string, limit = 10): Promise<SearchResponse> {
    const loaded = await this.load();
    const { index, infos } = loaded;
    const hits = query.trim() ? readable(loaded, () => searchLibrary(index, query, limit)) : [];
    const sources: Record<string, SourceInfo> = {};
    for (const hit of hits) {
      const info = infos.get(hit.sourceId);
      if (info) sources[info.id] = info;
    }
    return { ok: true, hits, sources };
  }

  /**
   * The text of a source of this content hash from the library loaded in memory, when one is
   * loaded (or loading) and holds it; otherwise undefined, and the caller reads the database.
   */
  async loadedText(id: string, contentHash: string): Promise<string | undefined> {
    const loading = this.loaded;
    if (!loading) return undefined;
    const loaded = await loading.catch(() => null);
    if (!loaded || loaded.hashes.get(id) !== contentHash) return undefined;
    return readable(loaded, () => loaded.index.source(id)?.text);
  }

  async sources(): Promise<SourcesResponse> {
    const { infos } = await this.load();
    return { ok: true, sources: [...infos.values()].sort((a, b) => a.title.localeCompare(b.title)) };
  }
}
