// Text with some spans marked (<mark>), e.g. the quoted words inside a source passage.
// Everything is rendered as text nodes: the text may come from a web page.
import type { ComponentChildren } from 'preact';

export interface MarkedTextProps {
  text: string;
  marks: readonly (readonly [number, number])[]; // [start, end) offsets into text
}

/** Marks in order, with neighbours joined when only spaces, hyphens or apostrophes lie between them. */
export function joinMarks(text: string, marks: readonly (readonly [number, number])[]): [number, number][] {
  const spans = marks
    .map(([s, e]) => [Math.max(0, s), Math.min(text.length, e)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const joined: [number, number][] = [];
  for (const span of spans) {
    const last = joined[joined.length - 1];
    if (last && span[0] >= last[1] && /^[\s\-‐‑'’]{0,3}$/.test(text.slice(last[1], span[0]))) last[1] = Math.max(last[1], span[1]);
    else joined.push([span[0], span[1]]);
  }
  return joined;
}

export function MarkedText({ text, marks }: MarkedTextProps) {
  const spans = joinMarks(text, marks);
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const [s, e] of spans) {
    if (s < at) continue; // overlapping marks: keep the first
    if (s > at) parts.push(text.slice(at, s));
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/**
 * A long passage cut down around its marked span, so the card shows context without a wall of text.
 * Cuts fall on spaces; an ellipsis shows where text was left out.
 */
export function windowAround(
  text: string,
  start: number,
  end: number,
  around = 280,
): { text: string; start: number; end: number } {
  let from = Math.max(0, start - around);
  let to = Math.min(text.length, end + around);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < start ? space + 1 : from;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    to = space > end ? space : to;
  }
  const head = from > 0 ? '… ' : '';
  const tail = to < text.length ? ' …' : '';
  return { text: head + text.slice(from, to) + tail, start: start - from + head.length, end: end - from + head.length };
}
