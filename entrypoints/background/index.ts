// The background: owns the library and answers the content script and popup. Wiring only.
import { browser } from 'wxt/browser';
import { LibraryDb } from '@/lib/library/db';
import { readSource } from '@/lib/library/stored-texts';
import { LibraryService } from './library-service';
import { pageResultsStore, type SessionArea } from './page-results';
import { createRouter } from './router';
import { refusalLog } from './refusals';
import { type BadgeAction, withBadge } from './badge';
import { type CommandHandler, createCommandHandler } from './commands';
import { CitationService } from './citation-service';
import { traceMark } from '@/lib/page/trace';
import { keepCiteprocScript, type ScriptScope } from '@/lib/cite/citeproc-script';

// Set by the build (wxt.config.ts) when citeproc-js is a script of its own beside background.js.
declare const __VERBATIM_CITEPROC_SCRIPT__: boolean | undefined;

export default defineBackground(() => {
  traceMark('bg:main');
  if (typeof __VERBATIM_CITEPROC_SCRIPT__ !== 'undefined' && __VERBATIM_CITEPROC_SCRIPT__) {
    keepCiteprocScript(globalThis as unknown as ScriptScope);
  }
  const library = new LibraryService(new LibraryDb());
  // The worker is mostly woken by a page about to send its quotes: the library starts loading now.
  void library.warmUp();
  const session = (browser.storage as { session?: SessionArea }).session;
  const action = (browser.action ?? browser.browserAction) as BadgeAction | undefined;
  const pages = withBadge(pageResultsStore(session), action);
  const citationData = (browser.runtime.getURL as (path: string) => string)('/citation-styles/');
  const citations = new CitationService(
    // A folded text is taken from the loaded library when it holds the same text (its hash), not read from the whole fold.
    (id) => readSource(library.db, id, (row) => library.loadedText(row.id, row.contentHash)),
    undefined,
    citationData,
  );
  const route = createRouter({
    library,
    pages,
    citations,
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/+$/, ''),
    refusals: refusalLog(session),
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

  const onCommand = createCommandHandler({
    sendToTab: (tabId, request) => browser.tabs.sendMessage(tabId, request),
    activeTabId: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null,
  });
  try {
    browser.commands?.onCommand.addListener((command, tab) => void onCommand(command, tab));
  } catch {
    // A browser without keyboard commands (Firefox for Android): stepping is left to the popup.
  }
  // Commands cannot be pressed in a headless browser: end-to-end tests call the same handler here,
  // in the service worker's own scope, which no web page can reach.
  (globalThis as { verbatimCommand?: CommandHandler }).verbatimCommand = onCommand;

  // A tab's results go stale when it loads another page or closes.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void pages.remove(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void pages.remove(tabId));
});
