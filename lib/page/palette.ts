// One look per verdict, shared by the page highlights, the card and the popup. Every verdict is
// told apart by more than colour: an underline style on the page, a symbol in the card and popup.
import type { Verdict } from '../types';

export interface VerdictLook {
  symbol: string; // shown beside the label, so the verdict reads without colour
  ink: string; // text/underline colour on a light page
  wash: string; // background tint on a light page
  inkDark: string; // the same on a dark page
  washDark: string;
  underline: 'solid' | 'double' | 'dotted' | 'wavy' | 'dashed' | 'none';
  overline?: boolean; // a line above as well: sets apart two verdicts that share an underline style
  quiet: boolean; // drawn with no background: nothing to check here
}

export const VERDICT_LOOK: Record<Verdict, VerdictLook> = {
  verbatim: { symbol: '✓', ink: '#15803d', wash: 'rgba(34, 197, 94, 0.16)', inkDark: '#4ade80', washDark: 'rgba(74, 222, 128, 0.18)', underline: 'solid', quiet: false },
  minor: { symbol: '≈', ink: '#0f766e', wash: 'rgba(20, 184, 166, 0.16)', inkDark: '#2dd4bf', washDark: 'rgba(45, 212, 191, 0.18)', underline: 'double', quiet: false },
  elided: { symbol: '…', ink: '#1d4ed8', wash: 'rgba(59, 130, 246, 0.15)', inkDark: '#93c5fd', washDark: 'rgba(147, 197, 253, 0.18)', underline: 'dotted', quiet: false },
  partial: { symbol: '◐', ink: '#b45309', wash: 'rgba(245, 158, 11, 0.18)', inkDark: '#fbbf24', washDark: 'rgba(251, 191, 36, 0.18)', underline: 'dashed', quiet: false },
  altered: { symbol: '≠', ink: '#b91c1c', wash: 'rgba(239, 68, 68, 0.15)', inkDark: '#f87171', washDark: 'rgba(248, 113, 113, 0.2)', underline: 'wavy', quiet: false },
  spliced: { symbol: '✂', ink: '#a21caf', wash: 'rgba(217, 70, 239, 0.14)', inkDark: '#e879f9', washDark: 'rgba(232, 121, 249, 0.2)', underline: 'wavy', overline: true, quiet: false },
  not_found: { symbol: '?', ink: '#6b7280', wash: 'transparent', inkDark: '#9ca3af', washDark: 'transparent', underline: 'dotted', quiet: true },
};
