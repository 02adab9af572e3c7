import { describe, expect, it } from 'vitest';
import { readTextScale, textScale } from '../../../lib/page/text-scale';

describe('textScale', () => {
  it('is 1 at the usual 16 px and below it, and grows with a larger default', () => {
    expect(textScale(16)).toBe(1);
    expect(textScale(12)).toBe(1);
    expect(textScale(20)).toBe(1.25);
    expect(textScale(32)).toBe(2);
  });

  it('ignores nonsense and stops at four times', () => {
    expect(textScale(Number.NaN)).toBe(1);
    expect(textScale(Number.POSITIVE_INFINITY)).toBe(1);
    expect(textScale(200)).toBe(4);
  });

  it('reads the default size through an element and leaves its own size as it was', () => {
    const el = document.createElement('div');
    el.style.fontSize = '12px';
    document.body.append(el);
    expect(readTextScale(el)).toBe(1); // the test DOM's default is 16 px
    expect(el.style.fontSize).toBe('12px');
    el.remove();
  });
});
