import { describe, expect, it } from 'vitest';
import { mapInSlices, pauseBehindTasks, pauseForPage } from '../../../lib/page/slices';

describe('mapInSlices', () => {
  it('maps every item in order, pausing each time a slice uses up its budget', async () => {
    let clock = 0;
    let pauses = 0;
    const out = await mapInSlices([1, 2, 3, 4, 5, 6, 7], (n) => {
      clock += 5; // each item costs 5 ms
      return n * 10;
    }, { budgetMs: 12, now: () => clock, pause: async () => void pauses++ });
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(pauses).toBe(2); // slices of three items: 15 ms each, then the seventh
  });

  it('never pauses when the work fits one slice', async () => {
    let pauses = 0;
    const out = await mapInSlices(['a', 'b'], (s, i) => `${s}${i}`, { now: () => 0, pause: async () => void pauses++ });
    expect(out).toEqual(['a0', 'b1']);
    expect(pauses).toBe(0);
  });

  it('abandons the work when it is stopped during a pause', async () => {
    let clock = 0;
    let stop = false;
    const seen: number[] = [];
    const out = await mapInSlices([1, 2, 3, 4], (n) => {
      seen.push(n);
      clock += 20;
      return n;
    }, { budgetMs: 10, now: () => clock, pause: async () => void (stop = true), stopped: () => stop });
    expect(out).toBeNull();
    expect(seen).toEqual([1]);
  });

  it('pauses for real in the test environment', async () => {
    let later = false;
    setTimeout(() => (later = true), 0);
    await pauseForPage();
    await pauseForPage();
    expect(later).toBe(true);
  });
});

describe('pauseBehindTasks', () => {
  it('resumes only after the tasks queued before it', async () => {
    const order: string[] = [];
    const channel = new MessageChannel();
    channel.port1.onmessage = () => order.push('queued message');
    channel.port2.postMessage(null);
    await new Promise((r) => setTimeout(r, 0)); // the message is delivered as a task
    channel.port2.postMessage(null);
    await pauseBehindTasks();
    order.push('resumed');
    channel.port1.close();
    expect(order).toEqual(['queued message', 'queued message', 'resumed']);
  });
});

describe('pauseBehindTasks, one after another', () => {
  it('resumes pauses in the order they were asked for, and serves later pauses too', async () => {
    const order: string[] = [];
    const pauses = ['first', 'second', 'third'].map((name) => pauseBehindTasks().then(() => order.push(name)));
    let resumedBefore = false;
    void Promise.resolve().then(() => (resumedBefore = order.length > 0));
    await Promise.all(pauses);
    // Once none is waiting, the next pause still resumes (and again after it).
    for (let i = 0; i < 3; i++) await pauseBehindTasks();
    order.push('later');
    expect(resumedBefore).toBe(false); // each pause waits for a task, not a microtask
    expect(order).toEqual(['first', 'second', 'third', 'later']);
  });
});
