// The content script: checks the quotes of every web page the reader opens. Wiring only; the
// work is in PageChecker.
import { PageChecker } from './page-checker';

export default defineContentScript({
  // The quotes of any news page may be checked, so the script runs on web pages; it reads the page
  // locally and sends only the quoted words to the extension's own background, never off the device.
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    void new PageChecker(ctx).start();
  },
});
