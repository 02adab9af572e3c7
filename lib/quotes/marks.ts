// The quote-mark state machine: one pass over the characters, a stack of open quotes per
// paragraph. It decides which marks open, which close and which are apostrophes, and returns
// the raw spans between the marks. Linear time: each mark pushes or pops at most one frame, and
// a search down the stack pops every frame it passes.
import { cannotBeginAt, codeAt, codeBefore, isAlnumCode, isSpaceCode, opensAfterCode } from './chars';
import { isElisionAt } from './elision';
import { finish, type Steps } from './steps';

/** A span between marks, before trimming and filtering. */
export interface MarkSpan {
  start: number; // just after the opening mark
  end: number; // at the closing mark, or at the paragraph's end when unclosed
  open: string;
  close: string | null;
}

/** What closes a quote, by its opening mark. Straight marks also close curly ones typed carelessly. */
const CLOSERS: Record<string, string> = {
  '“': '”"', '”': '”', '„': '“”', '‚': '‘’', '«': '»', '‹': '›', '»': '«', '›': '‹', '"': '"', '‘': "’'", "'": "'",
};

/** Each closing mark's slot in the table of open-quote counts. */
const SLOT: Record<string, number> = { '“': 0, '”': 1, '‘': 2, '’': 3, '"': 4, "'": 5, '«': 6, '»': 7, '‹': 8, '›': 9 };

/** The slots of each opening mark's closers. */
const CLOSER_SLOTS: Record<string, number[]> = {};
for (const mark of Object.keys(CLOSERS)) CLOSER_SLOTS[mark] = Array.from(CLOSERS[mark], (c) => SLOT[c]);

/**
 * The characters the machine acts on: quote marks and the paragraph break. The scan jumps from one
 * to the next with this regex (native code), so text between marks costs no JavaScript at all.
 */
const STOPS = /[\n“”‘’"'«»„‚‹›]/g;

/** A closing ’ after a plural -s ("forces’ data") that may yet prove to be an apostrophe. */
interface Tentative {
  span: MarkSpan;
  closers: string;
  height: number; // the stack's height once it closed
  belowStart: number; // and the start of the quote then on top (-1 for none): nothing may have changed since
}

/** "forces’ data": a mark after a final s, then a space and a word. */
function looksPossessive(text: string, i: number): boolean {
  const prev = text.charCodeAt(i - 1);
  if (prev !== 115 && prev !== 83) return false; // s, S
  const next = text.charCodeAt(i + 1);
  return next !== 10 && isSpaceCode(next) && isAlnumCode(codeAt(text, i + 2));
}

export function scanMarks(text: string): MarkSpan[] {
  return finish(scanMarksInSteps(text));
}

/** How many marks one step of the scan handles at most (a step also ends at each paragraph). */
const MARKS_PER_STEP = 200;

/** scanMarks in steps: it yields after each paragraph and every MARKS_PER_STEP marks. */
export function* scanMarksInSteps(text: string): Steps<MarkSpan[]> {
  const spans: MarkSpan[] = [];
  // The stack of open quotes, as parallel arrays (no object per quote: pages can hold 100,000 marks).
  const opens: string[] = [];
  const starts: number[] = [];
  const counts = new Int32Array(10); // per closing mark: how many open quotes it can close
  let tentative: Tentative | null = null;

  const push = (mark: string, at: number): void => {
    const slots = CLOSER_SLOTS[mark];
    opens.push(mark);
    starts.push(at + 1);
    for (let k = 0; k < slots.length; k++) counts[slots[k]]++;
    tentative = null;
  };
  const pop = (): void => {
    const slots = CLOSER_SLOTS[opens.pop() as string];
    starts.pop();
    for (let k = 0; k < slots.length; k++) counts[slots[k]]--;
  };
  /** The stack index of the nearest quote that `c` closes (only the top one when `topOnly`), or -1. */
  const find = (c: string, topOnly: boolean): number => {
    if (counts[SLOT[c]] === 0) return -1;
    const top = opens.length - 1;
    if (topOnly) return CLOSERS[opens[top]].includes(c) ? top : -1;
    for (let k = top; k >= 0; k--) if (CLOSERS[opens[k]].includes(c)) return k;
    return -1;
  };
  /** Closes quote k at i; the quotes above it never closed and are dropped. */
  const close = (k: number, i: number, c: string): MarkSpan => {
    const span: MarkSpan = { start: starts[k], end: i, open: opens[k], close: c };
    while (opens.length > k) pop();
    spans.push(span);
    tentative = null;
    return span;
  };
  const endParagraph = (at: number): void => {
    // Only the outermost open quote runs to the paragraph's end; a straight ' left open was an apostrophe.
    const outer = opens.findIndex((m) => m !== "'");
    if (outer >= 0) spans.push({ start: starts[outer], end: at, open: opens[outer], close: null });
    opens.length = 0;
    starts.length = 0;
    counts.fill(0);
    tentative = null;
  };

  /** A single closing mark (’ or '): after a letter it may be an apostrophe, so it only closes the top quote. */
  const closeSingle = (i: number, c: string): void => {
    const k = find(c, isAlnumCode(codeBefore(text, i)));
    if (k < 0) {
      extend(i, c);
      return;
    }
    const closers = CLOSERS[opens[k]];
    const span = close(k, i, c);
    if (looksPossessive(text, i)) tentative = { span, closers, height: k, belowStart: k > 0 ? starts[k - 1] : -1 };
  };
  /**
   * A closing mark with no quote open: if the last quote closed on a plural -s and nothing opened
   * since ("‘Police forces’ data is poor,’ he said"), that earlier mark was an apostrophe.
   */
  const extend = (i: number, c: string): void => {
    const t = tentative;
    if (!t || looksPossessive(text, i) || !t.closers.includes(c)) return;
    if (opens.length !== t.height || (t.height > 0 && starts[t.height - 1] !== t.belowStart)) return;
    t.span.end = i;
    t.span.close = c;
    tentative = null;
  };

  // One regex per call: its lastIndex is this scan's own position.
  const stops = new RegExp(STOPS);
  let marks = 0;
  while (stops.test(text)) {
    const i = stops.lastIndex - 1;
    const c = text[i];
    if (c === '\n') {
      endParagraph(i);
      marks = 0;
      yield;
      continue;
    }
    if (++marks >= MARKS_PER_STEP) {
      marks = 0;
      yield; // the regex's position is this scan's own, so another scan may run meanwhile
    }
    const prev = codeBefore(text, i);
    switch (c) {
      case '“': {
        // Closes a German „…“ quote; otherwise always opens.
        // (The stack is searched only when the mark is placed to close, so that every search pops.)
        const k = opensAfterCode(prev) ? -1 : find('“', false);
        if (k >= 0) close(k, i, c);
        else push(c, i);
        break;
      }
      case '”': {
        const k = find('”', false);
        if (k >= 0) close(k, i, c);
        else if (opensAfterCode(prev) && !cannotBeginAt(text, i + 1)) push(c, i); // Swedish ”…”
        break;
      }
      case '„':
        push(c, i);
        break;
      case '‚':
        // Also a comma look-alike: it opens only where a quote can start.
        if (opensAfterCode(prev) && !cannotBeginAt(text, i + 1)) push(c, i);
        break;
      case '«':
      case '‹': {
        const k = opensAfterCode(prev) ? -1 : find(c, false); // closes a Danish »…« quote
        if (k >= 0) close(k, i, c);
        else push(c, i);
        break;
      }
      case '»':
      case '›': {
        const k = find(c, false);
        if (k >= 0) close(k, i, c);
        else if (opensAfterCode(prev) && !cannotBeginAt(text, i + 1)) push(c, i);
        break;
      }
      case '"': {
        // Placed between two non-spaces (x="y") a straight mark closes only a straight quote: a
        // curly quote typed carelessly is closed by a straight mark at a word's end, not mid-word.
        const closesStraight = () => {
          const k = find(c, false);
          return k >= 0 && opens[k] === '"';
        };
        const left = opensAfterCode(prev) && !cannotBeginAt(text, i + 1);
        const right = !opensAfterCode(prev) && !isAlnumCode(codeAt(text, i + 1));
        if (right && !left) {
          const k = find(c, false);
          if (k >= 0) close(k, i, c);
        } else if (left && !right) push(c, i);
        else if (prev >= 0 && !isSpaceCode(prev) && closesStraight()) close(find(c, false), i, c);
        else if (!cannotBeginAt(text, i + 1)) push(c, i);
        break;
      }
      case '‘': {
        const alnumBefore = isAlnumCode(prev);
        if (alnumBefore && isAlnumCode(codeAt(text, i + 1))) break; // a mistyped apostrophe: can‘t
        const k = opensAfterCode(prev) ? -1 : find(c, false); // closes a German ‚…‘ quote
        if (k >= 0) close(k, i, c);
        else if (!alnumBefore && !cannotBeginAt(text, i + 1) && !isElisionAt(text, i)) push(c, i);
        break;
      }
      case '’': {
        if (prev < 0 || isSpaceCode(prev) || prev === 40 || prev === 91 || prev === 123) break; // a leading apostrophe: ’90s, ’n’
        if (isAlnumCode(prev) && isAlnumCode(codeAt(text, i + 1))) break; // can’t
        closeSingle(i, c);
        break;
      }
      case "'": {
        const alnumBefore = isAlnumCode(prev);
        const alnumAfter = isAlnumCode(codeAt(text, i + 1));
        if (alnumBefore && alnumAfter) break; // can't, O'Brien
        const left = opensAfterCode(prev) && !cannotBeginAt(text, i + 1);
        const right = !opensAfterCode(prev) && !alnumAfter;
        if (right && !left) closeSingle(i, c);
        else if (left && !right) {
          if (!isElisionAt(text, i)) push(c, i);
        } else if (prev >= 0 && !isSpaceCode(prev) && find(c, alnumBefore) >= 0) closeSingle(i, c);
        else if (!cannotBeginAt(text, i + 1) && !isElisionAt(text, i)) push(c, i);
        break;
      }
      default:
        break;
    }
  }
  endParagraph(text.length);
  return spans;
}
