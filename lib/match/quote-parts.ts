// A quote's own editorial marks: elisions (`…`, `...`, `. . .`, `[…]`, `[...]`) cut source words;
// bracketed words (`[the police]`) stand in for source words; `[sic]` stands for none. The quote
// is split at them into parts that must each match, in order, close together.
import type { Token } from '../text/tokenize';
import { tokenizeQuick } from '../text/quick-tokenize';
import { MAX_BRACKET_REPLACED_WORDS, MAX_ELISION_GAP_WORDS, MAX_SIC_GAP_WORDS, MAX_UNMARKED_GAP_WORDS } from './thresholds';

export type PartSeparator = 'start' | 'elision' | 'bracket' | 'sic';

export interface QuotePart {
  from: number; // token range in ParsedQuote.tokens
  to: number;
  sep: PartSeparator; // the mark before this part
}

export interface ParsedQuote {
  text: string; // the text that was tokenised (brackets glued to letters, like "[T]he", removed)
  tokens: Token[]; // every word, bracketed ones included
  parts: QuotePart[];
  /** Token indices inside brackets: shown in the diff, never matched. */
  bracketed: Set<number>;
  /** The quote carries editorial marks that change or stand for words (brackets, `[sic]`). */
  editorial: boolean;
  /** Number of words in the parts (what has to match). */
  words: number;
}

/** How many source words a part's mark may stand for between it and the part before. */
export function maxGap(sep: PartSeparator): number {
  switch (sep) {
    case 'elision':
      return MAX_ELISION_GAP_WORDS;
    case 'bracket':
      return MAX_BRACKET_REPLACED_WORDS;
    case 'sic':
      return MAX_SIC_GAP_WORDS;
    default:
      return MAX_UNMARKED_GAP_WORDS;
  }
}

interface Mark {
  start: number;
  end: number;
  kind: Exclude<PartSeparator, 'start'>;
}

const MARKS = /\[\s*(?:…|\.\s*\.\s*\.)\s*\]|\(\s*(?:…|\.\s*\.\s*\.)\s*\)|…|\.(?:\s?\.){2,}|\[[^[\]]*\]/gu;
// "[T]he", "recognise[d]": a bracketed letter or two glued to a word changes the word's form.
const GLUED_BRACKET = /\[(\p{L}{1,3})\](?=\p{L})|(?<=\p{L})\[(\p{L}{1,3})\]/gu;

const SEPARATOR_LENIENCE: Record<PartSeparator, number> = { start: 0, sic: 1, bracket: 2, elision: 3 };

function classify(mark: string): Mark['kind'] {
  if (/^\[\s*sic\s*\]$/i.test(mark)) return 'sic';
  if (/^\[/.test(mark) && !/^\[\s*(?:…|\.\s*\.\s*\.)\s*\]$/.test(mark)) return 'bracket';
  return 'elision';
}

/**
 * Whether `text` may hold a mark: every one of MARKS' alternatives holds a '[' or a '…' or three
 * '.', and GLUED_BRACKET needs a '['. Most quotes hold none, and skip both expressions.
 */
export function mayHoldMarks(text: string): boolean {
  // Searches by the engine rather than a loop of ours: code that has not run often yet (a freshly
  // started worker) pays per character for a loop, not for indexOf.
  if (text.indexOf('[') >= 0 || text.indexOf('\u2026') >= 0) return true;
  const first = text.indexOf('.');
  if (first < 0) return false;
  const second = text.indexOf('.', first + 1);
  return second >= 0 && text.indexOf('.', second + 1) >= 0;
}

export function parseQuote(raw: string): ParsedQuote {
  let editorial = false;
  const marked = mayHoldMarks(raw);
  const text = marked
    ? raw.replace(GLUED_BRACKET, (_m, a: string | undefined, b: string | undefined) => {
        editorial = true;
        return a ?? b ?? '';
      })
    : raw;
  const marks: Mark[] = [];
  if (marked) {
    MARKS.lastIndex = 0;
    for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
      marks.push({ start: m.index, end: m.index + m[0].length, kind: classify(m[0]) });
    }
  }
  const tokens = tokenizeQuick(text);
  const bracketed = new Set<number>();
  if (marks.length === 0) {
    // No mark (nearly every quote): one part of every word, as the loop below would make it.
    const parts: QuotePart[] = tokens.length > 0 ? [{ from: 0, to: tokens.length, sep: 'start' }] : [];
    return { text, tokens, parts, bracketed, editorial, words: tokens.length };
  }
  const parts: QuotePart[] = [];
  let mi = 0;
  let pending: PartSeparator | null = null; // strongest mark seen since the last part word
  let current: QuotePart | null = null;

  for (let ti = 0; ti < tokens.length; ti++) {
    const tok = tokens[ti];
    // Marks that end before this token separate it from the previous one.
    while (mi < marks.length && marks[mi].end <= tok.start) {
      const kind = marks[mi].kind;
      if (pending === null || SEPARATOR_LENIENCE[kind] > SEPARATOR_LENIENCE[pending]) pending = kind;
      mi++;
    }
    const inside = mi < marks.length && marks[mi].start <= tok.start && tok.end <= marks[mi].end;
    if (inside) {
      bracketed.add(ti);
      const kind = marks[mi].kind;
      if (pending === null || SEPARATOR_LENIENCE[kind] > SEPARATOR_LENIENCE[pending]) pending = kind;
      continue;
    }
    if (current && pending === null) {
      current.to = ti + 1;
      continue;
    }
    if (pending !== null && (pending === 'bracket' || pending === 'sic')) editorial = true;
    current = { from: ti, to: ti + 1, sep: current ? (pending ?? 'elision') : 'start' };
    parts.push(current);
    pending = null;
  }
  // Marks after the last word: brackets still stand for words.
  for (; mi < marks.length; mi++) if (marks[mi].kind !== 'elision') editorial = true;
  if (pending === 'bracket' || pending === 'sic') editorial = true;

  const words = parts.reduce((n, p) => n + p.to - p.from, 0);
  return { text, tokens, parts, bracketed, editorial, words };
}
