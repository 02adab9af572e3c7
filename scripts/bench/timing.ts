// Timing and memory helpers: repeated runs, their median and spread, and a heap reading after a
// full collection when one can be forced.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A progress line on stderr for a benchmark that takes minutes: the seconds since `started`, then the message. */
export function progressLine(started: number, message: string): void {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);
}

export interface Stats {
  runs: number;
  median: number;
  min: number;
  max: number;
  p10: number;
  p90: number;
}

/** Value at quantile q of sorted samples, interpolating between neighbours. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function summarise(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    p10: quantile(sorted, 0.1),
    p90: quantile(sorted, 0.9),
  };
}

export function scale(s: Stats, factor: number): Stats {
  return { runs: s.runs, median: s.median * factor, min: s.min * factor, max: s.max * factor, p10: s.p10 * factor, p90: s.p90 * factor };
}

/** Milliseconds of each of `runs` calls, after `warmup` untimed calls (so the JIT has settled). */
export function timeRuns(fn: () => unknown, runs: number, warmup = 1): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * A full garbage collection, when the runtime lets one be forced. `npm run bench` starts Node
 * without --expose-gc, so the flag is switched on here and the function fetched from a fresh context.
 */
export const collectGarbage: (() => void) | null = (() => {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    setFlagsFromString('--expose-gc');
    const fn = runInNewContext('gc') as unknown;
    return typeof fn === 'function' ? (fn as () => void) : null;
  } catch {
    return null;
  }
})();

/**
 * Memory in use, after a full collection when possible: the JavaScript heap plus the ArrayBuffers
 * behind typed arrays, which V8 keeps outside the heap (most of the index lives there).
 */
export function heapUsed(): number {
  if (collectGarbage) {
    collectGarbage();
    collectGarbage();
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
