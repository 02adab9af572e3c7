// The library page (the extension's options page): every source with what it holds, search and
// sort, metadata editing, removal with undo, imports (files, drag and drop, paste, packs), export,
// storage used, and the reader's settings. All library text is rendered as text.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SourceRow as StoredRow, StoredSource } from '../../lib/library/db';
import { ACCEPTED_FILES, MAX_FILE_BYTES, megabytes, newSource } from '../../lib/library/file-source';
import { type SortKey, ORIGIN_LABELS, SORT_LABELS, formatBytes, listRows, sourceRow } from '../../lib/library/listing';
import { type Removal, removeSources, restoreRemoval } from '../../lib/library/removal';
import { readSources } from '../../lib/library/stored-texts';
import { buildPack, packFileName, packJson, sourcesToPack } from '../../lib/library/pack';
import { type Settings, type SettingsArea, loadSettings, saveSettings } from '../../lib/settings';
import { CITATION_STYLES, type CitationStyle } from '../../lib/cite/style-data';
import { formatDate } from '../format';
import { type FullTextDeps, type LibraryDeps, getFullText, importIncoming, importSummary, readFiles } from './library-actions';
import { MetaEditor } from './MetaEditor';
import { PasteForm } from './PasteForm';

export interface LibraryPageProps extends LibraryDeps, Partial<FullTextDeps> {
  settingsArea: SettingsArea;
  estimate(): Promise<{ usage?: number; quota?: number }>;
  download(name: string, text: string): void;
  /** How long the Undo offer stays after a removal. */
  undoMs?: number;
}

const STYLE_NAMES: Record<CitationStyle, string> = { harvard: 'Harvard', apa: 'APA', mla: 'MLA', chicago: 'Chicago', oscola: 'OSCOLA' };

const UNDO_MS = 15_000;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

type Notice = { kind: 'info' | 'error'; text: string } | null;

export function LibraryPage(props: LibraryPageProps) {
  const { db } = props;
  const [sources, setSources] = useState<StoredSource[] | null>(null);
  // Rows whose text storage no longer gives back whole: never checked against, shown so they can be removed.
  const [unreadable, setUnreadable] = useState<StoredRow[]>([]);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('title');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [undo, setUndo] = useState<{ removal: Removal; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [storage, setStorage] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [fetching, setFetching] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const read = await readSources(db);
    setSources(read.sources);
    setUnreadable(read.unreadable);
    const { usage, quota } = await props.estimate().catch(() => ({ usage: undefined, quota: undefined }));
    setStorage(usage === undefined ? null : quota ? `${formatBytes(usage)} used of ${formatBytes(quota)} available` : `${formatBytes(usage)} used`);
  }, [db]);

  useEffect(() => {
    void refresh();
    void loadSettings(props.settingsArea).then(setSettings);
  }, [refresh]);

  // The undo offer stays a while, then goes; a new import also ends it.
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), props.undoMs ?? UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);

  const rows = useMemo(() => (sources ? listRows(sources.map(sourceRow), query, sort) : []), [sources, query, sort]);

  // The list is read again first, so that a notice never describes a library the list does not
  // show yet; the background reloads its index after.
  async function changed(notice?: () => void) {
    await refresh();
    notice?.();
    await props.notifyChanged();
  }

  async function runImport(read: Parameters<typeof importIncoming>[1]) {
    setBusy(true);
    setNotice(null);
    setUndo(null);
    const outcome = await importIncoming(props, read);
    setBusy(false);
    if (!outcome.ok) {
      setNotice({ kind: 'error', text: outcome.error });
      return false;
    }
    // The list first (its texts may take a moment to read), so the notice never runs ahead of it.
    await refresh();
    setNotice({ kind: 'info', text: importSummary(outcome.report) });
    return true;
  }

  const importFiles = (files: File[]) =>
    runImport(() => readFiles(files.map((f) => ({ name: f.name, bytes: async () => new Uint8Array(await f.arrayBuffer()) })), props.openPdf));

  async function remove(ids: string[]) {
    const removal = await removeSources(db, ids);
    if (removal.sources.length === 0) {
      // Only rows without a readable text: nothing to put back, the list just loses them.
      await changed();
      return;
    }
    setSelected(new Set());
    const what = removal.sources.length === 1 ? `Removed “${removal.sources[0].title}”.` : `Removed ${removal.sources.length} sources.`;
    await changed(() => setUndo({ removal, text: what }));
  }

  async function undoRemoval() {
    if (!undo) return;
    await restoreRemoval(db, undo.removal);
    setUndo(null);
    await changed(() => setNotice({ kind: 'info', text: 'Put back.' }));
  }

  async function fullText(source: StoredSource) {
    const { requestHost, fetchPage, parseHtml } = props;
    if (!requestHost || !fetchPage) return;
    setNotice(null);
    setUndo(null);
    setFetching(source.id);
    // The permission request must come first, inside the click: getFullText asks before anything else.
    const outcome = await getFullText({ ...props, requestHost, fetchPage, parseHtml }, source);
    setFetching(null);
    if (!outcome.ok) {
      setNotice({ kind: 'error', text: outcome.error });
      return;
    }
    const s = outcome.source;
    setNotice({ kind: 'info', text: `“${s.title}” now holds the full text from ${new URL(s.url!).host} (${s.words.toLocaleString('en')} words).` });
    await refresh();
  }

  async function exportPack() {
    const chosen = (sources ?? []).filter((s) => selected.size === 0 || selected.has(s.id));
    setBusy(true);
    setNotice(null);
    let split: Awaited<ReturnType<typeof sourcesToPack>>;
    try {
      split = await sourcesToPack(chosen);
    } catch (err) {
      setNotice({ kind: 'error', text: `Nothing was exported: the texts could not be checked (${err instanceof Error ? err.message : String(err)}).` });
      return;
    } finally {
      setBusy(false);
    }
    const { whole, damaged } = split;
    if (whole.length > 0) props.download(packFileName(), packJson(buildPack(whole)));
    const exported = whole.length > 0 ? `Exported ${whole.length} source${whole.length === 1 ? '' : 's'} as a library pack.` : 'Nothing was exported.';
    if (damaged.length === 0) {
      setNotice({ kind: 'info', text: exported });
      return;
    }
    const names = damaged.map((s) => `“${s.title}”`).join(', ');
    const left = `${names} ${damaged.length === 1 ? 'was' : 'were'} left out: the text kept in this library no longer matches what was stored, so another library would refuse the pack.`;
    setNotice({ kind: 'error', text: `${exported} ${left}` });
  }

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  }

  // Saves run one after another: two quick changes must not both read the old settings.
  const settingsQueue = useRef<Promise<unknown>>(Promise.resolve());
  function changeSetting(change: Partial<Settings>) {
    const next = settingsQueue.current.then(() => saveSettings(props.settingsArea, change)).then(setSettings);
    settingsQueue.current = next.catch(() => undefined);
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files: File[] = e.dataTransfer ? Array.from(e.dataTransfer.files) : [];
    if (files.length) void importFiles(files);
  };

  return (
    <div class="vb-root lp">
      <header class="lp-head">
        <h1 class="lp-title">Verbatim library</h1>
        <p class="lp-sub">
          {sources === null ? 'Loading…' : `${sources.length} source${sources.length === 1 ? '' : 's'}`}
          {storage ? ` · ${storage}` : ''}
        </p>
      </header>

      <main class="lp-main">
        <div class="lp-notices" aria-live="polite">
          {notice && (
            <p class={`lp-notice lp-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
              {notice.text}
            </p>
          )}
        </div>

        <section class="lp-section" aria-labelledby="add-h">
          <h2 id="add-h">Add sources</h2>
          <div
            class={`lp-drop${dragging ? ' lp-dragging' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <p>
              Drop files here, or{' '}
              <label class="lp-button lp-primary" for="file-input">
                choose files…
              </label>
              <input
                id="file-input"
                class="lp-visually-hidden"
                type="file"
                multiple
                accept={ACCEPTED_FILES.join(',')}
                disabled={busy}
                onChange={(e) => {
                  const files = Array.from(e.currentTarget.files ?? []);
                  e.currentTarget.value = '';
                  if (files.length) void importFiles(files);
                }}
              />
            </p>
            <p class="lp-hint">
              Text (.txt), Markdown (.md), web pages (.html) and PDFs with a text layer, up to {megabytes(MAX_FILE_BYTES)} each; or a
              library pack (.verbatim.json).
            </p>
          </div>
          <details class="lp-paste">
            <summary>Paste text</summary>
            <PasteForm
              busy={busy}
              onSubmit={(text, meta) => runImport(async () => [newSource(text.replace(/\r\n?/g, '\n'), meta, 'paste')])}
            />
          </details>
        </section>

        <section class="lp-section" aria-labelledby="sources-h">
          <h2 id="sources-h">Sources</h2>
          <div class="lp-tools">
            <label class="lp-field lp-grow">
              <span>Search</span>
              <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} placeholder="Title, publisher, author…" />
            </label>
            <label class="lp-field">
              <span>Sort by</span>
              <select value={sort} onChange={(e) => setSort(e.currentTarget.value as SortKey)}>
                {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
                  <option value={k}>{SORT_LABELS[k]}</option>
                ))}
              </select>
            </label>
            <button type="button" class="lp-button" onClick={() => void exportPack()} disabled={!sources?.length || busy}>
              {selected.size ? `Export ${selected.size} selected` : 'Export all'}
            </button>
            <button type="button" class="lp-button lp-danger" disabled={selected.size === 0} onClick={() => void remove([...selected])}>
              Remove selected
            </button>
          </div>

          {unreadable.length > 0 && (
            <div class="lp-notice lp-error" role="alert" data-testid="unreadable">
              <p>
                {unreadable.length === 1
                  ? 'The text of one source could not be read back from storage, so quotes are not checked against it.'
                  : `The texts of ${unreadable.length} sources could not be read back from storage, so quotes are not checked against them.`}{' '}
                Remove what is listed here; a document you still need can then be added again.
              </p>
              <ul class="lp-unreadable">
                {unreadable.map((r) => (
                  <li key={r.id} data-source-id={r.id}>
                    <span>{r.title}</span>{' '}
                    <button type="button" class="lp-button lp-danger" aria-label={`Remove “${r.title}”`} onClick={() => void remove([r.id])}>
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {sources !== null && rows.length === 0 && (
            <p class="lp-empty">{sources.length === 0 ? 'Your library is empty. Add a document above.' : 'No source matches your search.'}</p>
          )}
          <ul class="lp-list" aria-label="Sources in your library">
            {rows.map(({ source: s, passages, pages }) => (
              <li class="lp-item" key={s.id} data-source-id={s.id}>
                <div class="lp-item-row">
                  <input
                    type="checkbox"
                    class="lp-check"
                    aria-label={`Select “${s.title}”`}
                    checked={selected.has(s.id)}
                    onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                  />
                  <div class="lp-item-body">
                    <h3 class="lp-item-title">{s.title}</h3>
                    <p class="lp-meta">
                      {[s.publisher, s.author, formatDate(s.published), s.type.replace('-', ' ')].filter(Boolean).join(' · ')}
                    </p>
                    <p class="lp-facts">
                      <span class={`lp-origin lp-origin-${s.origin}`}>{ORIGIN_LABELS[s.origin]}</span>
                      <span data-testid="words">{s.words.toLocaleString('en')} words</span>
                      <span>
                        {passages} passage{passages === 1 ? '' : 's'}
                      </span>
                      {pages !== null && (
                        <span data-testid="pages">
                          {pages} page{pages === 1 ? '' : 's'}
                        </span>
                      )}
                      <span>{s.excerpt ? 'Excerpt' : 'Full text'}</span>
                    </p>
                  </div>
                  <div class="lp-item-actions">
                    {s.origin === 'builtin' && s.excerpt && s.url && props.requestHost && (
                      <button
                        type="button"
                        class="lp-button"
                        aria-label={`Get the full text of “${s.title}” from ${hostOf(s.url)}`}
                        title={`Fetch the original from ${hostOf(s.url)} and replace the excerpt`}
                        disabled={fetching !== null}
                        onClick={() => void fullText(s)}
                      >
                        {fetching === s.id ? 'Fetching…' : 'Get the full text'}
                      </button>
                    )}
                    <button
                      type="button"
                      class="lp-button"
                      aria-expanded={editing === s.id}
                      aria-label={`Edit details of “${s.title}”`}
                      onClick={() => setEditing(editing === s.id ? null : s.id)}
                    >
                      Edit
                    </button>
                    <button type="button" class="lp-button lp-danger" aria-label={`Remove “${s.title}”`} onClick={() => void remove([s.id])}>
                      Remove
                    </button>
                  </div>
                </div>
                {editing === s.id && (
                  <MetaEditor
                    source={s}
                    db={db}
                    onDone={async (saved) => {
                      setEditing(null);
                      if (saved) {
                        setNotice({ kind: 'info', text: 'Details saved.' });
                        await changed();
                      }
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>

        <section class="lp-section" aria-labelledby="settings-h">
          <h2 id="settings-h">Settings</h2>
          {settings && (
            <div class="lp-settings">
              <label class="lp-field">
                <span>Default citation style</span>
                <select
                  value={settings.citationStyle}
                  onChange={(e) => void changeSetting({ citationStyle: e.currentTarget.value as CitationStyle })}
                >
                  {CITATION_STYLES.map((style) => (
                    <option value={style}>{STYLE_NAMES[style]}</option>
                  ))}
                </select>
              </label>
              <label class="lp-checkline">
                <input type="checkbox" checked={settings.autoCheck} onChange={(e) => void changeSetting({ autoCheck: e.currentTarget.checked })} />
                <span>Check pages automatically as they load</span>
              </label>
            </div>
          )}
        </section>
      </main>

      {undo && (
        <div class="lp-toast" role="status" data-testid="toast">
          <span>{undo.text}</span>
          <button type="button" class="lp-button lp-primary" onClick={() => void undoRemoval()}>
            Undo
          </button>
          <button type="button" class="lp-button lp-plain" aria-label="Dismiss" onClick={() => setUndo(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
