// The part of a source paragraph the card shows: the quoted span with one sentence before and one
// after, so the reader sees what the words answered and what followed them.

const MAX_SIDE = 360; // characters of context on either side, at most, for very long sentences

/** Start offsets of the sentences in `text` (after ., ! or ? and spaces, before a capital, digit or quote). */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  const re = /[.!?…]["”’)\]]*\s+(?=["“‘(\[]?[\p{Lu}\p{N}])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

export interface PassageWindow {
  text: string;
  start: number; // the marked span inside `text`
  end: number;
}

export function sentenceWindow(text: string, start: number, end: number): PassageWindow {
  const starts = sentenceStarts(text);
  // The sentence holding the span's start, then one more before it.
  let first = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i] <= start) first = i;
  let from = starts[Math.max(0, first - 1)];
  // The sentence after the one holding the span's end.
  let after = starts.findIndex((s) => s >= end);
  if (after === -1) after = starts.length;
  let to = after + 1 < starts.length ? starts[after + 1] : text.length;
  // Very long sentences: cut at a space, and say so with an ellipsis.
  if (start - from > MAX_SIDE) {
    const space = text.indexOf(' ', start - MAX_SIDE);
    from = space >= 0 && space < start ? space + 1 : start - MAX_SIDE;
  }
  if (to - end > MAX_SIDE) {
    const space = text.lastIndexOf(' ', end + MAX_SIDE);
    to = space > end ? space : end + MAX_SIDE;
  }
  const head = from > 0 ? '… ' : '';
  const body = text.slice(from, to).trimEnd();
  const tail = from + body.length < text.length ? ' …' : '';
  return { text: head + body + tail, start: start - from + head.length, end: Math.min(end, from + body.length) - from + head.length };
}
