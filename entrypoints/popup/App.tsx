// The popup: this page's quotes by verdict, and a search over the library.
import { useEffect, useState } from 'preact/hooks';
import type { PageResults, SourceInfo } from '@/lib/messages';
import { activeTabId, librarySources, pageResults } from './api';
import { PageQuotes } from './PageQuotes';
import { LibrarySearch } from './LibrarySearch';
import { CheckPageButton } from './CheckPageButton';
import { AddThisPage } from './AddThisPage';

type PageView =
  | { kind: 'loading' }
  | { kind: 'unreadable' } // no content script answered for this tab (browser pages, store pages, …)
  | { kind: 'error'; message: string }
  | { kind: 'results'; results: PageResults };

const POLL_MS = 400;
const GIVE_UP_MS = 4000;

export function App({ tabIdParam }: { tabIdParam: number | null }) {
  const [tabId, setTabId] = useState<number | null>(tabIdParam);
  const [page, setPage] = useState<PageView>({ kind: 'loading' });
  const [library, setLibrary] = useState<SourceInfo[] | null>(null);

  useEffect(() => {
    if (tabIdParam !== null) return;
    void activeTabId().then((id) => (id === null ? setPage({ kind: 'unreadable' }) : setTabId(id)));
  }, [tabIdParam]);

  const loadLibrary = () => void librarySources().then((answer) => setLibrary(answer.ok ? answer.sources : []));
  useEffect(loadLibrary, []);

  // The page may still be being checked: poll until it is done, or give up and say it can't be read.
  useEffect(() => {
    if (tabId === null) return;
    let stopped = false;
    const began = Date.now();
    const poll = async () => {
      if (stopped) return;
      const answer = await pageResults(tabId);
      if (stopped) return;
      if (answer && 'ok' in answer) setPage({ kind: 'error', message: answer.error });
      else if (answer) setPage({ kind: 'results', results: answer });
      else if (Date.now() - began > GIVE_UP_MS) setPage({ kind: 'unreadable' });
      const settled = answer !== null && !('ok' in answer) && answer.state !== 'checking';
      if (!settled && Date.now() - began <= GIVE_UP_MS * 3) setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [tabId]);

  return (
    <div class="vb-popup">
      <header class="pp-head">
        <img class="pp-logo" src="/icon/32.png" width={24} height={24} alt="" />
        <div class="pp-brand">
          <h1 class="pp-name">Verbatim</h1>
          <p class="pp-tagline">Quotes checked against their originals</p>
        </div>
        <p class="pp-library" title="Documents in your library">
          {library === null ? '' : `${library.length} ${library.length === 1 ? 'source' : 'sources'}`}
        </p>
      </header>

      <main class="pp-main">
        <section class="pp-section" aria-labelledby="pp-page-title">
          <h2 id="pp-page-title" class="pp-section-title">
            On this page
          </h2>
          <PageSection view={page} tabId={tabId} openedAsTab={tabIdParam !== null} libraryEmpty={library?.length === 0} />
        </section>

        <section class="pp-section" aria-labelledby="pp-search-title">
          <h2 id="pp-search-title" class="pp-section-title">
            Search your library
          </h2>
          {library?.length === 0 ? (
            <p class="pp-empty">Your library is empty. Add original documents to check quotes against them.</p>
          ) : (
            <LibrarySearch />
          )}
        </section>

        <section class="pp-section" aria-label="Add this page"><AddThisPage tabId={tabId} onAdded={loadLibrary} /></section>
      </main>

      <footer class="pp-foot">Checked on this device. No page text leaves your browser.</footer>
    </div>
  );
}

function PageSection({
  view,
  tabId,
  openedAsTab,
  libraryEmpty,
}: {
  view: PageView;
  tabId: number | null;
  openedAsTab: boolean;
  libraryEmpty: boolean;
}) {
  if (view.kind === 'loading') return <p class="pp-empty" aria-busy="true">Reading the page…</p>;
  if (view.kind === 'unreadable')
    return (
      <p class="pp-empty" data-state="unreadable">
        Verbatim can’t read this page. It works on web pages (http and https); browser pages and pages opened
        before Verbatim was installed need a reload.
      </p>
    );
  if (view.kind === 'error') return <p class="pp-empty pp-error">Something went wrong: {view.message}</p>;
  const { results } = view;
  if (results.state === 'checking' && results.quotes.length === 0)
    return (
      <p class="pp-empty" aria-busy="true">
        Checking the quotes…
      </p>
    );
  if (results.state === 'waiting') return <CheckPageButton tabId={tabId} closeAfterShow={!openedAsTab} />;
  if (results.state === 'error')
    return <p class="pp-empty pp-error">This page could not be checked{results.error ? `: ${results.error}` : '.'}</p>;
  if (results.state === 'no-article')
    return (
      <p class="pp-empty" data-state="no-article">
        No article text found on this page.
      </p>
    );
  if (results.quotes.length === 0)
    return (
      <p class="pp-empty" data-state="no-quotes">
        No quotations found on this page.
      </p>
    );
  return (
    <>
      {libraryEmpty && <p class="pp-note">Your library is empty, so no quote can be found yet.</p>}
      <PageQuotes results={results} tabId={tabId} closeAfterShow={!openedAsTab} />
    </>
  );
}
