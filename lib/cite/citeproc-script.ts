// citeproc-js as a script of its own, for a background that is a service worker (Chrome MV3).
// A worker evaluates its whole script at every start, and citeproc is most of it (about 370 kB of
// 590), though only a citation needs it. A service worker may not import() code later, but it may
// importScripts() any script it imported while it was being installed: the browser keeps such a
// script with the worker. So the build puts citeproc in its own file (entrypoints/citeproc.ts), the
// worker imports it once at install, and at the first citation after any later start.

/** The script the build makes from entrypoints/citeproc.ts, from the extension's root. */
export const CITEPROC_SCRIPT = '/citeproc.js';

/** The global that script leaves citeproc-js in (nothing else reads it). */
export const CITEPROC_GLOBAL = '__verbatimCiteproc';

type Citeproc = typeof import('citeproc').default;

/** What this file needs of a service worker's global scope. */
export interface ScriptScope {
  importScripts(...urls: string[]): void;
  addEventListener(type: 'install', listener: () => void): void;
}

/**
 * Has the worker import the script while it is installed, so that the browser keeps it and a later
 * start may import it again. Call in the worker's first turn (the install event comes after it).
 */
export function keepCiteprocScript(scope: ScriptScope): void {
  scope.addEventListener('install', () => {
    try {
      scope.importScripts(CITEPROC_SCRIPT);
    } catch (err) {
      // An install that fails would leave the extension without a background: citations alone fail.
      console.error('Verbatim: could not keep the citation formatter', err);
    }
  });
}

/** citeproc-js, from the worker's global once the script has run, running it first if need be. */
export function citeprocFromScript(scope: ScriptScope): Citeproc {
  const held = (scope as unknown as Record<string, Citeproc | undefined>)[CITEPROC_GLOBAL];
  if (held) return held;
  scope.importScripts(CITEPROC_SCRIPT);
  const csl = (scope as unknown as Record<string, Citeproc | undefined>)[CITEPROC_GLOBAL];
  if (!csl) throw new Error(`${CITEPROC_SCRIPT} did not provide the citation formatter`);
  return csl;
}
