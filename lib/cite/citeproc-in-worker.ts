// What `citeproc` resolves to in a service-worker background's build (wxt.config.ts): citeproc-js
// read from its own script (./citeproc-script.ts) instead of bundled into background.js. Loaded
// only through format.ts's dynamic import, so this runs at the first citation, not at start.
import { citeprocFromScript, type ScriptScope } from './citeproc-script';

const CSL = citeprocFromScript(globalThis as unknown as ScriptScope);
export default CSL;
