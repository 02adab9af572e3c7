// The options page's "library changed" message: only the extension's own pages may send it, and
// after it the background's next check sees the change (an imported PDF, with its page; a removal).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { LibraryService } from '../../../entrypoints/background/library-service';
import { pageResultsStore } from '../../../entrypoints/background/page-results';
import { createRouter } from '../../../entrypoints/background/router';
import { LibraryDb } from '../../../lib/library/db';
import { importSources } from '../../../lib/library/import';
import { newSource } from '../../../lib/library/file-source';
import { removeSources } from '../../../lib/library/removal';
import { allowed, parseBackgroundRequest } from '../../../lib/messages';
import type { CheckResponse } from '../../../lib/messages';

const ID = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${ID}`;
const optionsPage = { id: ID, url: `${ORIGIN}/options.html`, origin: ORIGIN };
const contentScript = { id: ID, url: 'https://news.example/story', tab: { id: 3 }, frameId: 0 };
const otherExtension = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };

describe('the library-changed message', () => {
  it('has one shape and is allowed only from extension pages', () => {
    expect(parseBackgroundRequest({ type: 'library-changed' })).toEqual({ type: 'library-changed' });
    expect(parseBackgroundRequest({ type: 'library-changed', ids: ['x'] })).toBeNull();
    expect(allowed({ type: 'library-changed' }, 'extension-page')).toBe(true);
    expect(allowed({ type: 'library-changed' }, 'content-script')).toBe(false);
  });

  describe('through the router', () => {
    const db = new LibraryDb('verbatim-library-changed-test');
    const library = new LibraryService(db);
    const route = createRouter({ library, pages: pageResultsStore(fakeBrowser.storage.session), runtimeId: ID, extensionOrigin: ORIGIN });
    const quote = 'The council will publish every inspection report in full from next spring.';
    const check = async () => ((await route({ type: 'check', quotes: [{ text: quote }] }, contentScript)) as CheckResponse).checks[0];

    beforeAll(async () => {
      await library.installBuiltins((name) => readFile(join(__dirname, '../../../public/sources', name), 'utf8'));
    });

    it('refuses it from a content script or another extension, and the index stays as it was', async () => {
      expect(await check()).toMatchObject({ verdict: 'not_found' });
      const [source] = (await importSources(db, [{ ...newSource(`Page one words here.\n\n${quote}`, { title: 'Minutes' }, 'file'), pageStarts: [0, 22] }])).added;
      expect(await route({ type: 'library-changed' }, contentScript)).toEqual({ ok: false, error: 'not allowed from this sender' });
      expect(await route({ type: 'library-changed' }, otherExtension)).toEqual({ ok: false, error: 'sender refused' });
      expect(await check()).toMatchObject({ verdict: 'not_found' });

      // From the options page: the next check reads the library again, and names the PDF page.
      expect(await route({ type: 'library-changed' }, optionsPage)).toEqual({ ok: true });
      expect(await check()).toMatchObject({ verdict: 'verbatim', match: { sourceId: source.id, page: 2 } });

      await removeSources(db, [source.id]);
      await route({ type: 'library-changed' }, optionsPage);
      expect(await check()).toMatchObject({ verdict: 'not_found' });
    });
  });
});
