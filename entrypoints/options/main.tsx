// The library page: wiring only. pdf.js runs with eval off and its worker served from the extension.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { UI_CSS } from '@/components/styles';
import { LIBRARY_CSS } from '@/components/library/library-css';
import { LibraryPage } from '@/components/library/LibraryPage';
import { LibraryDb } from '@/lib/library/db';
import type { OpenPdf } from '@/lib/library/file-source';
import type { PageAnswer } from '@/lib/library/fetched-source';

GlobalWorkerOptions.workerSrc = workerUrl;

const openPdf: OpenPdf = (bytes) => getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;

const style = document.createElement('style');
style.textContent = UI_CSS + LIBRARY_CSS;
document.head.append(style);

// A file dropped outside the drop area must not make the browser open it in place of the page.
for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault());

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches an original's page without cookies: the library wants the public document, not the reader's session. */
async function fetchPage(url: string): Promise<PageAnswer> {
  const res = await fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'follow' });
  return { url: res.url || url, status: res.status, contentType: res.headers.get('content-type'), body: res.ok ? await res.text() : '' };
}

render(
  <LibraryPage
    db={new LibraryDb()}
    openPdf={openPdf}
    notifyChanged={async () => {
      await browser.runtime.sendMessage({ type: 'library-changed' });
    }}
    settingsArea={browser.storage.local}
    estimate={() => navigator.storage.estimate()}
    download={download}
    requestHost={(pattern) => browser.permissions.request({ origins: [pattern] })}
    fetchPage={fetchPage}
  />,
  document.getElementById('app')!,
);
