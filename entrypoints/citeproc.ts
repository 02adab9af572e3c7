// citeproc-js as a script of its own (see lib/cite/citeproc-script.ts): only a service-worker
// background imports it, so Firefox, whose background is a page, ships it bundled instead.
import CSL from 'citeproc';
import { CITEPROC_GLOBAL } from '@/lib/cite/citeproc-script';

export default defineUnlistedScript({
  exclude: ['firefox'],
  main() {
    (globalThis as Record<string, unknown>)[CITEPROC_GLOBAL] = CSL;
  },
});
