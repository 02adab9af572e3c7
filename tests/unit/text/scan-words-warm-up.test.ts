import { describe, expect, it, vi } from 'vitest';

// The scanner's warm-up (every branch taken once on a sample) runs before its first text, not when
// the module loads. The sample's non-ASCII word goes through normalizeForMatch, which a plain
// ASCII text never reaches: counting its calls tells when the warm-up ran.
describe('the word scanner\'s warm-up', () => {
  it('runs once, at the first scan, and not when the module is loaded', async () => {
    vi.resetModules();
    const calls = vi.fn();
    vi.doMock('../../../lib/text/normalize', async (load) => {
      const real = await load<typeof import('../../../lib/text/normalize')>();
      return {
        ...real,
        normalizeForMatch: (text: string) => {
          calls(text);
          return real.normalizeForMatch(text);
        },
      };
    });
    try {
      const { WordScanner } = await import('../../../lib/text/scan-words');
      const scanner = new WordScanner(() => 0);
      expect(calls).not.toHaveBeenCalled();
      const words = scanner.scan('the end of the plain text');
      expect(words.tokenStarts).toHaveLength(6);
      expect(calls).toHaveBeenCalled();
      const afterFirst = calls.mock.calls.length;
      new WordScanner(() => 0).scan('another plain text');
      expect(calls.mock.calls.length).toBe(afterFirst);
    } finally {
      vi.doUnmock('../../../lib/text/normalize');
      vi.resetModules();
    }
  });
});
