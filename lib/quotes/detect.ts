// Quote detection in plain text (DESIGN.md stage 2): the mark state machine's spans, plus the
// spans the page's markup gives (<q>, <blockquote>), trimmed, filtered, nested and attributed.
import type { Quote } from '../types';
import { isShort } from '../text/words';
import { attributeInSteps } from './attribution';
import { isSpaceCode } from './chars';
import { scanMarksInSteps, type MarkSpan } from './marks';
import { finish, type Steps } from './steps';
import { WordSpans } from './prose';

/** A span of <q> or <blockquote> text in the article text. */
export interface ExplicitQuote {
  start: number;
  end: number;
  kind: 'q' | 'blockquote';
}

interface Found {
  start: number;
  end: number;
  words: number;
  open: string;
  close: string | null;
}

/** Narrows a span to its text without leading or trailing whitespace. */
function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Explicit spans come from outside: keep only sound ones, never splitting a surrogate pair. */
function soundSpan(text: string, span: ExplicitQuote): [number, number] | null {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) return null;
  if (isLowSurrogate(text.charCodeAt(start)) || (end < text.length && isLowSurrogate(text.charCodeAt(end)))) return null;
  return [start, end];
}

/** The first index in `found` (sorted by start) whose start is >= x. */
function firstStartingAt(found: Found[], x: number): number {
  let lo = 0;
  let hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (found[mid].start < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when quotes with marks already hold every word of text[start, end). */
function coveredByMarks(words: WordSpans, marked: Found[], start: number, end: number): boolean {
  let pos = start;
  for (let k = firstStartingAt(marked, start); k < marked.length && marked[k].start < end; k++) {
    const m = marked[k];
    if (m.end > end) continue;
    if (m.start > pos && words.count(pos, m.start) > 0) return false;
    pos = Math.max(pos, m.end);
  }
  return words.count(pos, end) === 0;
}

const EXPLICIT_MARKS: Record<ExplicitQuote['kind'], [string, string]> = {
  q: ['<q>', '</q>'],
  blockquote: ['<blockquote>', '</blockquote>'],
};

/**
 * The quotations in an article's text, sorted by start. `explicit` adds the spans of <q> and
 * <blockquote> elements (from `extractArticle`); a blockquote whose words are all inside quote
 * marks is not reported twice.
 */
export function detectQuotes(text: string, explicit: ExplicitQuote[] = []): Quote[] {
  return finish(detectQuotesInSteps(text, explicit));
}

/** How many spans one step turns into quotes. */
const SPANS_PER_STEP = 64;

/**
 * Hears, while detection runs, the page's quotes before they are all done: `quotes` is the whole
 * list, in the order detectQuotes returns it, and its first `ready` quotes are final (attribution
 * included). Called first with ready 0, as soon as the list is known, then as attribution goes on.
 */
export type DetectProgress = (quotes: readonly Quote[], ready: number) => void;

/**
 * detectQuotes in steps, for a page's main thread: the generator yields after each paragraph
 * of the mark scan, every SPANS_PER_STEP spans and every few attributions, and returns exactly
 * what detectQuotes returns. Run it with `finishInSlices` (./steps), or step it by hand. It keeps
 * no state outside itself, so scans of two texts may be interleaved. `progress` lets a caller
 * start on the first quotes (send them to be checked) while the later ones are attributed.
 */
export function* detectQuotesInSteps(text: string, explicit: ExplicitQuote[] = [], progress?: DetectProgress): Steps<Quote[]> {
  const spans = yield* scanMarksInSteps(text);
  if (spans.length === 0 && explicit.length === 0) return [];
  const words = new WordSpans(text);

  const marked: Found[] = [];
  for (let k = 0; k < spans.length; k++) {
    if (k > 0 && k % SPANS_PER_STEP === 0) yield;
    const f = found(text, words, spans[k]);
    if (f) marked.push(f);
  }
  marked.sort((a, b) => a.start - b.start || b.end - a.end);
  yield;

  // Most pages have no <q> or <blockquote>: then the marked spans, already sorted, are all there is.
  const all = explicit.length > 0 ? [...marked] : marked;
  const seen = explicit.length > 0 ? new Set(marked.map((m) => `${m.start}:${m.end}`)) : new Set<string>();
  let added = false;
  for (let k = 0; k < explicit.length; k++) {
    if (k > 0 && k % SPANS_PER_STEP === 0) yield;
    const span = explicit[k];
    const sound = soundSpan(text, span);
    if (!sound) continue;
    const [s, e] = trimSpan(text, sound[0], sound[1]);
    const key = `${s}:${e}`;
    const n = words.count(s, e);
    if (n === 0 || seen.has(key) || coveredByMarks(words, marked, s, e)) continue;
    seen.add(key);
    const [open, close] = EXPLICIT_MARKS[span.kind] ?? EXPLICIT_MARKS.q;
    all.push({ start: s, end: e, words: n, open, close });
    added = true;
  }
  if (added) all.sort((a, b) => a.start - b.start || b.end - a.end);
  yield;

  const parents = nestings(all);
  const quotes: Quote[] = all.map((f, i) => ({
    text: text.slice(f.start, f.end),
    start: f.start,
    end: f.end,
    words: f.words,
    short: isShort(f.words),
    attribution: null,
    open: f.open,
    close: f.close,
    parent: parents[i],
  }));
  yield;
  let given = 0;
  const attributed = progress
    ? (sofar: readonly (string | null)[]) => {
        for (; given < sofar.length; given++) quotes[given].attribution = sofar[given];
        progress(quotes, given);
      }
    : undefined;
  if (progress) {
    progress(quotes, 0);
    yield; // the caller may act on the list (its length) before attribution begins
  }
  const attributions = yield* attributeInSteps(text, quotes, attributed);
  quotes.forEach((q, i) => (q.attribution = attributions[i]));
  return quotes;
}

/** A mark span as a quote, or null when it holds no word. */
function found(text: string, words: WordSpans, span: MarkSpan): Found | null {
  const [s, e] = trimSpan(text, span.start, span.end);
  const n = words.count(s, e);
  if (n === 0) return null;
  return { start: s, end: e, words: n, open: span.open, close: span.close };
}

/** The index of each quote's nearest enclosing quote (spans sorted by start, longer first). */
function nestings(spans: Found[]): (number | null)[] {
  const parents: (number | null)[] = [];
  const stack: number[] = [];
  spans.forEach((q, i) => {
    while (stack.length && spans[stack[stack.length - 1]].end < q.end) stack.pop();
    parents.push(stack.length ? stack[stack.length - 1] : null);
    stack.push(i);
  });
  return parents;
}
