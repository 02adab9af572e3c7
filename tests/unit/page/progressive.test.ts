// Detection waited on in parts: the first quotes are handed out (and sent to be checked) while the
// later ones are still being attributed. What it hands out must be exactly what detectQuotes
// returns, and a quote it calls ready must not change afterwards.
import { describe, expect, it } from 'vitest';
import { ProgressiveDetection } from '../../../lib/page/progressive';
import { detectQuotes } from '../../../lib/quotes/index';
import { extractArticle } from '../../../lib/quotes/index';
import { ARTICLE_HTML, ARTICLE_TXT } from '../quotes/corpus';

const noPause = { pause: () => Promise.resolve(), budgetMs: 0 };

/** A long text of attributed quotes, some carried by pronouns from the quote before. */
function longText(): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < 60; i++) {
    paragraphs.push(
      `Wendy Williams said: “The ${i}th finding is that forces must do more.” ` +
        `She added, “Victims must be heard in case ${i}.” Later, ‘scare ${i}’ quotes appeared, and “an unclosed quote ${i}`,
    );
  }
  return paragraphs.join('\n');
}

describe('ProgressiveDetection', () => {
  it('ends with exactly what detectQuotes returns, on the reference article and a long text', async () => {
    const html = extractArticle(new DOMParser().parseFromString(ARTICLE_HTML, 'text/html'));
    for (const [text, explicit] of [[ARTICLE_TXT, []], [html.text, html.explicit], [longText(), []]] as const) {
      const detection = new ProgressiveDetection(text, [...explicit]);
      expect(await detection.until(() => false, noPause)).toBe(true);
      expect(detection.finished).toBe(true);
      const expected = detectQuotes(text, [...explicit]);
      expect(detection.quotes).toEqual(expected);
      expect(detection.ready).toBe(expected.length);
    }
  });

  it('hands out the whole list before attribution, and each quote it calls ready is final', async () => {
    const text = longText();
    const expected = detectQuotes(text);
    expect(expected.length).toBeGreaterThan(150);
    const detection = new ProgressiveDetection(text);
    expect(await detection.until(() => detection.quotes !== null, noPause)).toBe(true);
    expect(detection.finished).toBe(false);
    expect(detection.quotes).toHaveLength(expected.length);
    expect(detection.ready).toBe(0);
    // Step by step: whatever is ready is already as detectQuotes returns it, attribution included.
    const seen: number[] = [];
    let goal = 1;
    while (!detection.finished) {
      await detection.until(() => detection.ready >= goal, noPause);
      const ready = detection.ready;
      seen.push(ready);
      expect(detection.quotes!.slice(0, ready)).toEqual(expected.slice(0, ready));
      goal = ready + 1;
    }
    expect(seen.length).toBeGreaterThan(10); // handed out in many parts, not all at the end
    expect(seen[0]).toBeLessThan(expected.length / 4);
    expect(expected.some((q) => q.attribution === 'Wendy Williams')).toBe(true);
  });

  it('pauses between slices and stops when asked to', async () => {
    let pauses = 0;
    let clock = 0;
    const detection = new ProgressiveDetection(longText());
    const ok = await detection.until(() => false, {
      budgetMs: 5,
      now: () => (clock += 1), // every step "takes" 1 ms
      pause: async () => {
        pauses++;
      },
      stopped: () => pauses >= 3,
    });
    expect(ok).toBe(false);
    expect(pauses).toBe(3);
    expect(detection.finished).toBe(false);
  });

  it('tells when its current slice began: at the call, or at its last pause', async () => {
    let clock = 100;
    const now = () => clock;
    const detection = new ProgressiveDetection(longText());
    await detection.until(() => true, { budgetMs: 5, now, pause: async () => undefined });
    expect(detection.sliceStartedAt).toBe(100); // nothing to do: the slice began at the call
    await detection.until(() => detection.quotes !== null, {
      budgetMs: 5,
      now: () => (clock += 1),
      pause: async () => undefined,
    });
    expect(detection.sliceStartedAt).toBeGreaterThan(101); // paused at least once on the way
    expect(clock - detection.sliceStartedAt).toBeLessThanOrEqual(6);
  });
});
