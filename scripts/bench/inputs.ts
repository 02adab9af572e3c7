// Synthetic inputs for the scaling measurements: text dense with quote marks, article-like text
// of a given size, and an HTML page whose article is one huge text node.

/** One stretch of prose with every kind of quote mark the detector knows, opened and closed. */
const MARKED_UNIT =
  'She said “the plan will hold” and then, after a pause, ‘not for long’ before adding «nous verrons» ' +
  'while a second voice wrote "enough is enough" and \'maybe later\' and „so heißt es“ too. ';

function countMarks(s: string): number {
  return (s.match(/[“”‘’«»"'„]/g) ?? []).length;
}

/** Text holding at least `marks` quote marks, mixed with words, in paragraphs of a few units. */
export function markedText(marks: number): { text: string; marks: number } {
  const perUnit = countMarks(MARKED_UNIT);
  const units = Math.ceil(marks / perUnit);
  const parts: string[] = [];
  for (let i = 0; i < units; i++) {
    parts.push(MARKED_UNIT);
    if (i % 4 === 3) parts.push('\n\n');
  }
  const text = parts.join('').trim();
  return { text, marks: countMarks(text) };
}

/** `bytes` characters of article text, made by repeating a generated article whole paragraphs at a time. */
export function articleText(seed: string, chars: number): string {
  const paragraphs = seed.split('\n\n');
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const p = paragraphs[i % paragraphs.length];
    out.push(p);
    length += p.length + 2;
  }
  return out.join('\n\n').slice(0, chars);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A news page with furniture around an <article> whose only paragraph is a single text node of `text`. */
export function singleNodePage(text: string): string {
  return (
    '<!doctype html><html><head><title>Long read</title><meta name="author" content="A. Writer"></head><body>' +
    '<header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>' +
    `<main><article><h1>Long read</h1><p>${escapeHtml(text.replace(/\n+/g, ' '))}</p></article></main>` +
    '<footer>© The Daily Example</footer></body></html>'
  );
}
