// The content script: checks the quotes of every web page the reader opens. Wiring only; the
// work is in PageChecker.
import { PageChecker } from './page-checker';

export default defineContentScript({
  // The quotes of any news page may be checked, so the script runs on web pages; it reads the page
  // locally and sends only the quoted words to the extension's own background, never off the device.
  matches: ['http://*/*', 'https://*/*'],
  // document_end, not document_idle: Chrome holds a document_idle script until the page's load
  // event or 200 ms after DOMContentLoaded, and a news page is still loading its pictures and
  // advertisements then. The script waits for the page's first frame before reading it.
  runAt: 'document_end',
  // A newer copy of this script stops an older one through a DOM event on the document; the extra
  // window.postMessage WXT also sends by default reaches the page's own message listeners and costs
  // the page's main thread a structured-clone round for nothing.
  noScriptStartedPostMessage: true,
  main(ctx) {
    void new PageChecker(ctx).start();
  },
});
