// What the reader is shown for a match: the original span, its paragraph and section, and a
// word diff between the quote and the source (jsdiff over word forms).
import { diffArrays } from 'diff';
import type { DiffOp, Match } from '../types';
import { passageAt } from '../library/passages';
import type { Token } from '../text/tokenize';
import type { IndexedSource } from './library-index';
import { foldedForm, sameFoldedForm } from './word-forms';

interface Word {
  form: string;
  start: number;
  end: number;
}

/** The words of a source's token range, with their normalised forms. */
export function sourceWords(entry: IndexedSource, s0: number, s1: number): Word[] {
  const { tokenStarts, tokenEnds } = entry.data;
  const text = entry.source.text;
  const out: Word[] = [];
  for (let i = s0; i < s1; i++) {
    out.push({ form: foldedForm(text, tokenStarts[i], tokenEnds[i]), start: tokenStarts[i], end: tokenEnds[i] });
  }
  return out;
}

/** Occurrences of the code unit `code` in `s` (a bracket is never half of a surrogate pair). */
function count(s: string, code: number): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === code) n++;
  return n;
}

/** The text of a run of words, widened to take in a bracket it opens or closes ("[forces]"). */
function slice(text: string, words: Word[]): string {
  if (!words.length) return '';
  return sliceRange(text, words[0].start, words[words.length - 1].end);
}

/** The text of the words from `start` to `end`, widened as `slice` says. */
function sliceRange(text: string, start: number, end: number): string {
  const inner = text.slice(start, end);
  // '[' less ']': counted only when there is one (a search by the engine, not a loop of ours).
  const open = inner.indexOf('[') < 0 && inner.indexOf(']') < 0 ? 0 : count(inner, 0x5b) - count(inner, 0x5d);
  if (open > 0) {
    const close = text.indexOf(']', end);
    if (close >= 0) end = close + 1;
  } else if (open < 0) {
    const opening = text.lastIndexOf('[', start);
    if (opening >= 0) start = opening;
  }
  if (text[start - 1] === '[' && text.indexOf(']', end) === end) {
    start--;
    end++;
  }
  return text.slice(start, end);
}

function formsOf(words: Word[]): string[] {
  const out = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) out[i] = words[i].form;
  return out;
}

function sameForms(a: Word[], b: Word[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].form !== b[i].form) return false;
  return true;
}

/** Group jsdiff's changes into equal / insert / delete / replace ops over the original wording. */
export function wordDiff(quoteText: string, quoteTokens: Token[], sourceText: string, source: Word[]): DiffOp[] {
  const quote: Word[] = quoteTokens.map((t) => ({ form: t.form, start: t.start, end: t.end }));
  if (sameForms(source, quote)) {
    // What jsdiff answers for two equal lists, without running it: one equal op (none when empty).
    return quote.length === 0 ? [] : [{ op: 'equal', quote: slice(quoteText, quote), source: slice(sourceText, source) }];
  }
  // jsdiff over the forms themselves: its own === on two strings is the comparison of two words'
  // forms, without a comparator called per comparison (and jsdiff reads nothing but the counts).
  const changes = diffArrays<string>(formsOf(source), formsOf(quote));
  const ops: DiffOp[] = [];
  let qi = 0;
  let si = 0;
  for (let c = 0; c < changes.length; c++) {
    const ch = changes[c];
    if (!ch.added && !ch.removed) {
      ops.push({
        op: 'equal',
        quote: slice(quoteText, quote.slice(qi, qi + ch.count)),
        source: slice(sourceText, source.slice(si, si + ch.count)),
      });
      qi += ch.count;
      si += ch.count;
      continue;
    }
    // A deletion next to an insertion (either order) is one replacement.
    const next = changes[c + 1];
    const removed = ch.removed ? ch : next?.removed ? next : null;
    const added = ch.added ? ch : next?.added ? next : null;
    if (removed && added) {
      ops.push({
        op: 'replace',
        quote: slice(quoteText, quote.slice(qi, qi + added.count)),
        source: slice(sourceText, source.slice(si, si + removed.count)),
      });
      qi += added.count;
      si += removed.count;
      c++;
    } else if (ch.removed) {
      ops.push({ op: 'delete', quote: '', source: slice(sourceText, source.slice(si, si + ch.count)) });
      si += ch.count;
    } else {
      ops.push({ op: 'insert', quote: slice(quoteText, quote.slice(qi, qi + ch.count)), source: '' });
      qi += ch.count;
    }
  }
  return ops;
}

/**
 * wordDiff(quoteText, quoteTokens, source text, sourceWords(entry, s0, s1)). A quote whose words
 * all have the source words' forms (most found quotes) is one equal op, found by comparing the
 * forms in place; only a quote that differs builds the word lists for jsdiff.
 */
export function diffWithSource(entry: IndexedSource, quoteText: string, quoteTokens: Token[], s0: number, s1: number): DiffOp[] {
  const { tokenStarts, tokenEnds } = entry.data;
  const text = entry.source.text;
  const n = quoteTokens.length;
  if (n === s1 - s0) {
    let same = true;
    for (let k = 0; k < n && same; k++) same = sameFoldedForm(quoteTokens[k].form, text, tokenStarts[s0 + k], tokenEnds[s0 + k]);
    if (same) {
      if (n === 0) return [];
      return [{ op: 'equal', quote: sliceRange(quoteText, quoteTokens[0].start, quoteTokens[n - 1].end), source: sliceRange(text, tokenStarts[s0], tokenEnds[s1 - 1]) }];
    }
  }
  return wordDiff(quoteText, quoteTokens, text, sourceWords(entry, s0, s1));
}

export interface SpanEvidence {
  s0: number; // token range of the source span
  s1: number;
  similarity: number;
  sourceEnds: boolean;
}

export function buildMatch(entry: IndexedSource, quoteText: string, quoteTokens: Token[], ev: SpanEvidence): Match {
  const { tokenStarts, tokenEnds, passages } = entry.data;
  const text = entry.source.text;
  const start = tokenStarts[ev.s0];
  const end = tokenEnds[ev.s1 - 1];
  const first = passageAt(passages, start);
  const last = passageAt(passages, Math.max(start, end - 1));
  const contextStart = first >= 0 ? passages[first].start : start;
  const contextEnd = last >= 0 ? Math.max(passages[last].end, end) : end;
  return {
    sourceId: entry.source.id,
    start,
    end,
    original: text.slice(start, end),
    context: text.slice(contextStart, contextEnd),
    contextStart,
    section: first >= 0 ? passages[first].section : null,
    page: null,
    similarity: Math.max(0, Math.min(1, ev.similarity)),
    diff: diffWithSource(entry, quoteText, quoteTokens, ev.s0, ev.s1),
    sourceEnds: ev.sourceEnds,
  };
}
