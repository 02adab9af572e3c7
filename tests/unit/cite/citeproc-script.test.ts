// citeproc-js as a script of its own for a service-worker background: the worker imports it at
// install (so Chrome keeps it), and at the first citation after any later start. The real entry
// (entrypoints/citeproc.ts) is run where the worker would run citeproc.js; its use in Chrome is
// tested end to end (tests/e2e/worker-citations.test.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import CSL from 'citeproc';
import citeprocEntry from '../../../entrypoints/citeproc';
import { CITEPROC_GLOBAL, CITEPROC_SCRIPT, citeprocFromScript, keepCiteprocScript } from '../../../lib/cite/citeproc-script';

/** A worker's scope in which importing citeproc.js runs the build's entry for it. */
function workerScope(runs: () => void = () => citeprocEntry.main()) {
  const imported: string[] = [];
  const listeners: Record<string, (() => void)[]> = {};
  const scope = {
    imported,
    importScripts(...urls: string[]) {
      imported.push(...urls);
      runs();
      (scope as unknown as Record<string, unknown>)[CITEPROC_GLOBAL] = (globalThis as Record<string, unknown>)[CITEPROC_GLOBAL];
    },
    addEventListener(type: 'install', listener: () => void) {
      (listeners[type] ??= []).push(listener);
    },
    fire(type: string) {
      for (const l of listeners[type] ?? []) l();
    },
  };
  return scope;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[CITEPROC_GLOBAL];
  vi.restoreAllMocks();
});

describe('keepCiteprocScript', () => {
  it('imports citeproc.js when the worker is installed, not before', () => {
    const scope = workerScope();
    keepCiteprocScript(scope);
    expect(scope.imported).toEqual([]);
    scope.fire('install');
    expect(scope.imported).toEqual([CITEPROC_SCRIPT]);
    expect(CITEPROC_SCRIPT).toBe('/citeproc.js'); // the unlisted entrypoint's file name
  });

  it('an import that fails at install is reported, and the install goes on', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const scope = workerScope(() => {
      throw new Error('NetworkError');
    });
    keepCiteprocScript(scope);
    expect(() => scope.fire('install')).not.toThrow();
    expect(error).toHaveBeenCalledOnce();
  });
});

describe('citeprocFromScript', () => {
  it('gives the package’s citeproc-js, importing the script once per worker start', () => {
    const scope = workerScope();
    expect(citeprocFromScript(scope)).toBe(CSL);
    expect(citeprocFromScript(scope)).toBe(CSL);
    expect(scope.imported).toEqual([CITEPROC_SCRIPT]);
  });

  it('after an install in the same worker, imports nothing again', () => {
    const scope = workerScope();
    keepCiteprocScript(scope);
    scope.fire('install');
    expect(citeprocFromScript(scope)).toBe(CSL);
    expect(scope.imported).toEqual([CITEPROC_SCRIPT]);
  });

  it('says so when the script leaves no formatter', () => {
    const scope = workerScope(() => undefined);
    expect(() => citeprocFromScript(scope)).toThrow(/did not provide the citation formatter/);
  });
});
