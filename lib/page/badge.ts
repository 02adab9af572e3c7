// The toolbar badge of a tab: how many of its quotes need the reader's attention (altered,
// spliced, partly found), on the colour of the worst of them. Pure, so the background only applies it.
import type { Verdict } from '../types';
import { VERDICT_INFO } from '../verdicts';
import { VERDICT_LOOK } from './palette';

export interface Badge {
  text: string; // '' hides the badge
  colour: string; // background colour, '#rrggbb'
  title: string; // the toolbar button's tooltip, so the count reads without the badge
}

const NEUTRAL = '#6b7280';
const DEFAULT_TITLE = 'Verbatim: check the quotes on this page';
const MAX_SHOWN = 99;

/** The worst verdict among those that need attention, by rank, or null when none does. */
export function worstAttention(verdicts: readonly Verdict[]): Verdict | null {
  let worst: Verdict | null = null;
  for (const v of verdicts) {
    if (!VERDICT_INFO[v].attention) continue;
    if (worst === null || VERDICT_INFO[v].rank > VERDICT_INFO[worst].rank) worst = v;
  }
  return worst;
}

/** The badge for a page's verdicts; an empty badge when nothing needs attention. */
export function badgeFor(verdicts: readonly Verdict[]): Badge {
  const flagged = verdicts.filter((v) => VERDICT_INFO[v].attention).length;
  const worst = worstAttention(verdicts);
  if (flagged === 0 || worst === null) {
    const title = verdicts.length > 0 ? `Verbatim: no quote on this page needs attention (${verdicts.length} checked)` : DEFAULT_TITLE;
    return { text: '', colour: NEUTRAL, title };
  }
  const noun = flagged === 1 ? 'quote needs' : 'quotes need';
  return {
    text: flagged > MAX_SHOWN ? `${MAX_SHOWN}+` : String(flagged),
    colour: VERDICT_LOOK[worst].ink,
    title: `Verbatim: ${flagged} ${noun} attention (worst: ${VERDICT_INFO[worst].label.toLowerCase()})`,
  };
}

/** The badge of a tab with no results (a new page loading, or nothing read yet). */
export const EMPTY_BADGE: Badge = Object.freeze({ text: '', colour: NEUTRAL, title: DEFAULT_TITLE });
