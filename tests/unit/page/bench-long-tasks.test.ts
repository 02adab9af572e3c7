// @vitest-environment node
// The benchmark's reading of a Chromium trace: which main-thread tasks were long, and what filled them.
import { describe, expect, it } from 'vitest';
import { longTaskLines, longTasksOf, workKind } from '../../../scripts/bench/page-split';

const MAIN = { pid: 1, tid: 7 };
const ms = (n: number) => n * 1000;
const slice = (name: string, at: number, dur: number, where = MAIN) => ({ name, ph: 'X', ts: ms(at), dur: ms(dur), ...where });

describe('workKind', () => {
  it('sorts trace events into kinds of work, passing the task wrappers through', () => {
    expect(workKind('ThreadControllerImpl::RunTask')).toBeNull();
    expect(workKind('WebFrameWidgetImpl::UpdateLifecycle')).toBeNull();
    expect(workKind('Paint')).toBe('paint');
    expect(workKind('Blink.PrePaint.UpdateTime')).toBe('pre-paint');
    expect(workKind('LocalFrameView::RunPrePaintLifecyclePhase')).toBe('pre-paint');
    expect(workKind('Blink.CompositingInputs.UpdateTime')).toBe('compositing');
    expect(workKind('v8.callFunction')).toBe('script');
    expect(workKind('v8.compile')).toBe('script compile');
    expect(workKind('Document::updateStyle')).toBe('style');
    expect(workKind('LocalFrameView::performLayout')).toBe('layout');
    expect(workKind('V8.GC_SCAVENGER_SCAVENGE')).toBe('garbage collection');
  });
});

describe('longTasksOf', () => {
  const events = [
    { name: 'verbatim:script', ph: 'R', ts: ms(1100), ...MAIN },
    { name: 'MarkDOMContent', ph: 'I', ts: ms(1000), ...MAIN },
    // Before DOMContentLoaded: the page's own parsing, left out.
    slice('ThreadControllerImpl::RunTask', 900, 80),
    slice('LocalFrameView::performLayout', 901, 70),
    // A 40 ms task: not long.
    slice('ThreadControllerImpl::RunTask', 1050, 40),
    slice('v8.callFunction', 1051, 38),
    // A frame of 61 ms after a highlight change: wrappers, paint inside pre-paint's sibling, some script.
    slice('ThreadControllerImpl::RunTask', 1300, 61),
    slice('WebFrameWidgetImpl::UpdateLifecycle', 1301, 55),
    slice('LocalFrameView::RunPrePaintLifecyclePhase', 1302, 20),
    slice('Paint', 1323, 30),
    slice('Blink.Paint.UpdateTime', 1324, 4), // nested inside Paint: taken out of Paint's self time
    slice('v8.callFunction', 1357, 3),
    // The same moment on another thread (a worker): not the page's.
    slice('ThreadControllerImpl::RunTask', 1300, 90, { pid: 1, tid: 9 }),
  ];

  it('finds the tasks over 50 ms from DOMContentLoaded on, on the thread that holds the marks', () => {
    const tasks = longTasksOf(events);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].start).toBeCloseTo(300);
    expect(tasks[0].duration).toBeCloseTo(61);
  });

  it('charges self time to each kind of work, largest first', () => {
    const [task] = longTasksOf(events);
    const kinds = Object.fromEntries(task.kinds);
    expect(task.kinds[0][0]).toBe('paint');
    expect(kinds.paint).toBeCloseTo(30); // Paint's own 26 and the nested 4
    expect(kinds['pre-paint']).toBeCloseTo(20);
    expect(kinds.script).toBeCloseTo(3);
    expect(longTaskLines([task])[0]).toBe('- 61 ms at +300 ms: paint 30, pre-paint 20, script 3');
  });

  it('says so when nothing was long, and finds nothing without the marks', () => {
    expect(longTaskLines([])).toEqual(['- none over 50 ms after DOMContentLoaded']);
    expect(longTasksOf(events.filter((e) => !e.name.startsWith('verbatim:')))).toEqual([]);
  });
});
