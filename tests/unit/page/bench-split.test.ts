// @vitest-environment node
// The browser benchmark's cut of one page load into phases: the cold start read from the worker's start.
import { describe, expect, it } from 'vitest';
import { split, timeline } from '../../../scripts/bench/page-split';

/** A page whose time origin is 1,000,000 ms (epoch), DOMContentLoaded at 100 ms, first highlights at 300. */
const page = {
  dcl: 100,
  origin: 1_000_000,
  marks: [
    ['sent:0', 180],
    ['answered:0', 290],
    ['painted:0', 300],
    ['done', 420],
  ] as [string, number][],
};

describe('split', () => {
  it('times a cold start from the worker starting, on the page clock, to the first highlights', () => {
    // The worker's time origin 40 ms after the page's: it started 60 ms before DOMContentLoaded.
    const worker = { origin: 1_000_040, marks: [['bg:main', 30], ['bg:warm-up', 31], ['bg:warmed', 200], ['bg:received:0', 161], ['bg:loaded:0', 201], ['bg:checked:0', 240]] as [string, number][] };
    const s = split(timeline(page, worker));
    expect(s.workerStart).toBe(-60);
    expect(s.first).toBe(200);
    expect(s.firstFromStart).toBe(260);
    expect(s.evaluate).toBe(30);
  });

  it('leaves it out for a warm worker, which did not start for this page', () => {
    const worker = { origin: 990_000, marks: [['bg:received:7', 10_185], ['bg:loaded:7', 10_186], ['bg:checked:7', 10_190]] as [string, number][] };
    const s = split(timeline(page, worker));
    expect(s.first).toBe(200);
    expect(s.firstFromStart).toBeNaN();
    expect(s.check).toBe(4);
  });
});
