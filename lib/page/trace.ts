// Timing marks for `npm run bench:browser`. The benchmark builds the extension with
// VERBATIM_TRACE=1 (into .output/trace/); there each mark is a `performance.mark` named
// `verbatim:<name>`, read back by the benchmark from the page and the service worker. In every
// other build the flag is the constant false and the calls do nothing.
declare const __VERBATIM_TRACE__: boolean | undefined;

/** Whether this build records timing marks (only the benchmark's build does). */
export const TRACING: boolean = typeof __VERBATIM_TRACE__ !== 'undefined' && __VERBATIM_TRACE__ === true;

/** The prefix of every mark, so that the benchmark can tell them from the page's own. */
export const TRACE_PREFIX = 'verbatim:';

export function traceMark(name: string): void {
  if (TRACING) performance.mark(TRACE_PREFIX + name);
}

// When the script that holds this module began to run (its parse and compile come before).
traceMark('script');
