import { describe, expect, it } from 'vitest';
import { FIRST_FRAME_WAIT_MS, PAGE_SETTLED_MS, type PageSignals, afterFirstFrame, afterPageSettled } from '@/lib/page/when-to-read';

/** Signals whose frame, load event and timers fire only when the test says so. */
function fakeSignals(state: { painted?: boolean; hidden?: boolean; loaded?: boolean } = {}) {
  const frames: (() => void)[] = [];
  const loads: (() => void)[] = [];
  const timers = new Map<number, { then: () => void; ms: number }>();
  let next = 1;
  const signals: PageSignals = {
    painted: () => state.painted ?? false,
    hidden: () => state.hidden ?? false,
    loaded: () => state.loaded ?? false,
    nextFrame: (then) => void frames.push(then),
    onLoad: (then) => void loads.push(then),
    setTimeout: (then, ms) => {
      timers.set(next, { then, ms });
      return next++;
    },
    clearTimeout: (timer) => void timers.delete(timer as number),
  };
  return { signals, frames, loads, timers };
}
type Fake = ReturnType<typeof fakeSignals>;

/** Whether the promise has settled after the tasks queued so far (and a few more) have run. */
async function settled(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
  return done;
}

describe('afterFirstFrame', () => {
  it('goes on at once in a hidden tab, which draws no frames', async () => {
    const { signals, frames } = fakeSignals({ hidden: true });
    expect(await settled(afterFirstFrame(signals))).toBe(true);
    expect(frames).toHaveLength(0);
  });
});

// Both waits go on at once when their event has come already, and otherwise end at their event
// or at their longest wait, whichever comes first.
describe.each([
  { name: 'afterFirstFrame', event: 'the first frame', came: 'the page has painted already', state: { painted: true }, wait: afterFirstFrame, longest: FIRST_FRAME_WAIT_MS, events: (f: Fake) => f.frames },
  { name: 'afterPageSettled', event: 'the load event', came: 'the page has loaded', state: { loaded: true }, wait: afterPageSettled, longest: PAGE_SETTLED_MS, events: (f: Fake) => f.loads },
])('$name', ({ event, came, state, wait, longest, events }) => {
  it(`goes on at once when ${came}`, async () => {
    const fake = fakeSignals(state);
    expect(await settled(wait(fake.signals))).toBe(true);
    expect(events(fake)).toHaveLength(0);
    expect(fake.timers.size).toBe(0);
  });

  it(`waits for ${event}, then goes on and drops its timer`, async () => {
    const fake = fakeSignals();
    const waiting = wait(fake.signals);
    expect(await settled(waiting)).toBe(false);
    expect(events(fake)).toHaveLength(1);
    expect([...fake.timers.values()].map((t) => t.ms)).toEqual([longest]);
    events(fake)[0]();
    expect(await settled(waiting)).toBe(true);
    expect(fake.timers.size).toBe(0);
  });

  it(`goes on after the longest wait when ${event} does not come`, async () => {
    const fake = fakeSignals();
    const waiting = wait(fake.signals);
    expect(await settled(waiting)).toBe(false);
    [...fake.timers.values()][0].then();
    expect(await settled(waiting)).toBe(true);
  });
});
