// How each verdict is named and ranked wherever Verbatim shows it (card, popup, command line).
import type { Verdict } from './types';

export interface VerdictInfo {
  label: string; // one or two words, capitalised
  explain: string; // one sentence for a reader
  attention: boolean; // the reader should look at this quote
  rank: number; // 0 = strongest evidence of a faithful quote; used to order and to pick the worst
}

export const VERDICT_INFO: Record<Verdict, VerdictInfo> = {
  verbatim: { label: 'Verbatim', explain: 'The words are the source’s, word for word.', attention: false, rank: 0 },
  minor: {
    label: 'Minor differences',
    explain: 'The same words; punctuation, hyphenation, spelling or numerals differ.',
    attention: false,
    rank: 1,
  },
  elided: {
    label: 'Elided',
    explain: 'The quote marks its own cuts, and every part matches the source in order.',
    attention: false,
    rank: 2,
  },
  partial: {
    label: 'Partly found',
    explain: 'Only part of the quote is in your library; the rest could not be checked.',
    attention: true,
    rank: 3,
  },
  altered: {
    label: 'Altered',
    explain: 'Words were changed, added or dropped without any mark.',
    attention: true,
    rank: 4,
  },
  spliced: {
    label: 'Spliced',
    explain: 'The parts are in the source, but far apart or out of order: it never said them together.',
    attention: true,
    rank: 5,
  },
  not_found: {
    label: 'Not in your library',
    explain: 'Nothing in your library is close enough to these words.',
    attention: false,
    rank: 6,
  },
};

export function verdictLabel(v: Verdict): string {
  return VERDICT_INFO[v].label;
}
