import { describe, expect, it } from 'vitest';
import { EMPTY_BADGE, badgeFor, worstAttention } from '../../../lib/page/badge';
import { VERDICT_LOOK } from '../../../lib/page/palette';
import type { Verdict } from '../../../lib/types';

describe('badgeFor', () => {
  it('counts only the quotes that need attention: altered, spliced and partly found', () => {
    const verdicts: Verdict[] = ['verbatim', 'minor', 'elided', 'not_found', 'partial', 'altered', 'altered', 'spliced'];
    expect(badgeFor(verdicts).text).toBe('4');
  });

  it('is coloured by the worst of them', () => {
    expect(badgeFor(['partial']).colour).toBe(VERDICT_LOOK.partial.ink);
    expect(badgeFor(['partial', 'altered', 'verbatim']).colour).toBe(VERDICT_LOOK.altered.ink);
    expect(badgeFor(['altered', 'spliced', 'partial']).colour).toBe(VERDICT_LOOK.spliced.ink);
    expect(worstAttention(['spliced', 'partial', 'altered'])).toBe('spliced');
  });

  it('is empty when nothing needs attention, however many quotes were checked', () => {
    expect(badgeFor([]).text).toBe('');
    expect(badgeFor(['verbatim', 'minor', 'elided', 'not_found']).text).toBe('');
    expect(worstAttention(['verbatim', 'not_found'])).toBeNull();
  });

  it('caps the text at 99+ and says the count in the title', () => {
    expect(badgeFor(Array<Verdict>(150).fill('altered')).text).toBe('99+');
    expect(badgeFor(['altered']).title).toBe('Verbatim: 1 quote needs attention (worst: altered)');
    expect(badgeFor(['partial', 'partial']).title).toBe('Verbatim: 2 quotes need attention (worst: partly found)');
    expect(badgeFor(['verbatim']).title).toMatch(/no quote on this page needs attention \(1 checked\)/);
    expect(EMPTY_BADGE.text).toBe('');
  });
});
