// @vitest-environment node
// The browser benchmark's reading of a traced cold load: the worker's CPU, the compiles of its
// code, and its deoptimisations, from the library load's start to the first batch checked.
import { describe, expect, it } from 'vitest';
import { type TraceEvent, workerTraceOf } from '../../../scripts/bench/page-split';

const WORKER = { pid: 1, tid: 2 };
const mark = (name: string, ts: number, at = WORKER): TraceEvent => ({ name: `verbatim:bg:${name}`, ph: 'R', ts, ...at });
const task = (name: string, ts: number, dur: number, tdur: number, at = WORKER): TraceEvent => ({ name, ph: 'X', ts, dur, tdur, ...at });

/** A load from 1,000 µs (opened) to 5,000 µs (checked:0), after an earlier load's marks. */
const events: TraceEvent[] = [
  mark('load:opened', 100), // an earlier load's start: not this window's
  mark('load:opened', 1000),
  mark('checked:0', 5000),
  mark('checked:1', 7000),
  // The worker's tasks: one straddling each edge, one inside, one after, one on another thread.
  task('ThreadControllerImpl::RunTask', 500, 1000, 600),
  task('ThreadControllerImpl::RunTask', 2000, 1000, 800),
  task('ThreadControllerImpl::RunTask', 4500, 1000, 500),
  task('ThreadControllerImpl::RunTask', 6000, 1000, 900),
  task('ThreadControllerImpl::RunTask', 2000, 1000, 1000, { pid: 1, tid: 3 }),
  // Compile jobs in the worker's process (the task holding one is not counted again), and one in another process.
  task('V8.MaglevTask', 1500, 450, 450, { pid: 1, tid: 9 }),
  task('V8.MaglevBackground', 1500, 400, 400, { pid: 1, tid: 9 }),
  task('V8.OptimizeBackground', 3000, 1000, 900, { pid: 1, tid: 8 }),
  task('V8.OptimizeBackground', 3000, 1000, 700, { pid: 4, tid: 8 }),
  // Deoptimisations: one in the window on the worker, one after it, one on another thread.
  task('V8.DeoptimizeCode', 2500, 10, 10),
  task('V8.DeoptimizeCode', 6500, 10, 10),
  task('V8.DeoptimizeCode', 2500, 10, 10, { pid: 1, tid: 9 }),
];

describe('workerTraceOf', () => {
  it('counts the worker thread\'s CPU inside the window, the compiles in its process, and its deoptimisations', () => {
    const figures = workerTraceOf(events)!;
    // 600 × 0.5 + 800 + 500 × 0.5 µs
    expect(figures.workerCpu).toBeCloseTo(1.35, 6);
    expect(figures.compileCpu).toBeCloseTo(1.3, 6);
    expect(figures.deopts).toBe(1);
  });

  it('reads nothing without the worker\'s marks', () => {
    expect(workerTraceOf(events.filter((e) => e.name !== 'verbatim:bg:checked:0'))).toBeNull();
    expect(workerTraceOf(events.filter((e) => e.name !== 'verbatim:bg:load:opened'))).toBeNull();
  });
});
