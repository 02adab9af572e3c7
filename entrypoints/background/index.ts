// The background: owns the library and answers the content script and popup. Wiring only.
import { browser } from 'wxt/browser';
import { LibraryDb } from '@/lib/library/db';
import { LibraryService } from './library-service';
import { pageResultsStore, type SessionArea } from './page-results';
import { createRouter } from './router';
import { CitationService } from './citation-service';

export default defineBackground(() => {
  const library = new LibraryService(new LibraryDb());
  const session = (browser.storage as { session?: SessionArea }).session;
  const pages = pageResultsStore(session);
  const citationData = (browser.runtime.getURL as (path: string) => string)('/citation-styles/');
  const citations = new CitationService((id) => library.db.sources.get(id), undefined, citationData);
  const route = createRouter({
    library,
    pages,
    citations,
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/+$/, ''),
  });

  browser.runtime.onInstalled.addListener(() => {
    // Install and update alike: put the shipped sources by id, never duplicating or overwriting a user's.
    library
      .installBuiltins(async (name) => {
        // The catalogue's file names are data, not the build's typed list of public paths.
        const url = (browser.runtime.getURL as (path: string) => string)(`/sources/${name}`);
        const res = await fetch(url);
        if (!res.ok) throw new Error(`sources/${name}: ${res.status}`);
        return res.text();
      })
      .catch((err) => console.error('Verbatim: could not load the built-in sources', err));
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  // A tab's results go stale when it loads another page or closes.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void pages.remove(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void pages.remove(tabId));
});
