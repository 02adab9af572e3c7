// The article's words on either side of a quote (about a sentence each), which the matcher uses
// to tell apart two places in a source that hold the same quoted words.
import { isSpaceCode } from './chars';
import { markBounds, onlyMarksAndSpace, paragraphEnd, paragraphStart, sentenceEnd, sentenceStart } from './prose';
import { hasWords } from '../text/words';

/** At most this many characters each side. */
const CONTEXT_CHARS = 200;
/** Fewer words than this on the quote's own side of its sentence: take the next sentence out too. */
const MIN_WORDS = 2;
/** Paragraph scans look no further than this. */
const REACH = 2000;

/** Just before the previous sentence's final punctuation and closing marks. */
function beforeSentenceEnd(text: string, pos: number, floor: number): number {
  let p = pos;
  while (p > floor && isSpaceCode(text.charCodeAt(p - 1))) p--;
  while (p > floor && '”’"\')]»›'.includes(text[p - 1])) p--;
  while (p > floor && '.!?…'.includes(text[p - 1])) p--;
  return p;
}

function tidy(s: string): string {
  // Most context holds no paragraph break: the regex (which tries at every space) is skipped then.
  return (s.includes('\n') ? s.replace(/\s*\n\s*/g, ' ') : s).trim();
}

/** Up to about a sentence of article text on each side of the quote span, without the quote's own marks. */
export function quoteContext(text: string, q: { start: number; end: number }): { before: string; after: string } {
  const start = Math.max(0, Math.min(q.start, text.length));
  const end = Math.max(start, Math.min(q.end, text.length));
  const { lead, tail } = markBounds(text, { start, end });

  // Before: the sentence's lead-in, or the sentence before when the quote opens its sentence.
  const paraStart = paragraphStart(text, lead, lead - REACH);
  let from = sentenceStart(text, lead, paraStart);
  if (!hasWords(text.slice(from, lead), MIN_WORDS)) {
    if (onlyMarksAndSpace(text, paraStart, lead) && paraStart > 0) {
      let prevEnd = paraStart - 1; // step over blank lines
      while (prevEnd > 0 && prevEnd > paraStart - REACH && isSpaceCode(text.charCodeAt(prevEnd - 1))) prevEnd--;
      const prevStart = paragraphStart(text, prevEnd, prevEnd - REACH);
      from = sentenceStart(text, beforeSentenceEnd(text, prevEnd, prevStart), prevStart);
    } else if (from > paraStart) {
      from = sentenceStart(text, beforeSentenceEnd(text, from, paraStart), paraStart);
    }
  }
  if (lead - from > CONTEXT_CHARS) {
    from = lead - CONTEXT_CHARS;
    const space = text.slice(from, lead).search(/\s/);
    if (space >= 0) from += space + 1;
  }

  // After: the rest of the quote's sentence, or the next sentence when that rest is too short.
  const paraEnd = paragraphEnd(text, tail, tail + REACH);
  let to = sentenceEnd(text, tail, paraEnd);
  if (!hasWords(text.slice(tail, to), MIN_WORDS)) {
    if (!hasWords(text.slice(tail, paraEnd), 1) && paraEnd < text.length) {
      let nextStart = paraEnd + 1; // step over blank lines
      while (nextStart < text.length && nextStart < paraEnd + REACH && isSpaceCode(text.charCodeAt(nextStart))) nextStart++;
      to = sentenceEnd(text, nextStart, paragraphEnd(text, nextStart, nextStart + REACH));
    } else {
      to = sentenceEnd(text, to, paraEnd);
    }
  }
  if (to - tail > CONTEXT_CHARS) {
    to = tail + CONTEXT_CHARS;
    const cut = text.slice(tail, to).search(/\s\S*$/);
    if (cut > 0) to = tail + cut;
  }

  return { before: tidy(text.slice(from, Math.max(from, lead))), after: tidy(text.slice(tail, Math.max(tail, to))) };
}
