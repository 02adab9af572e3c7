// A verdict as a small labelled pill: symbol + words, coloured by verdict (never colour alone).
import type { Verdict } from '../lib/types';
import { VERDICT_INFO } from '../lib/verdicts';
import { VERDICT_LOOK } from '../lib/page/palette';

export function VerdictBadge({ verdict, compact = false }: { verdict: Verdict; compact?: boolean }) {
  const look = VERDICT_LOOK[verdict];
  return (
    <span class={`vb-badge vb-v-${verdict}${compact ? ' vb-badge-compact' : ''}`} data-verdict={verdict}>
      <span class="vb-badge-symbol" aria-hidden="true">
        {look.symbol}
      </span>
      <span class="vb-badge-label">{VERDICT_INFO[verdict].label}</span>
    </span>
  );
}
