// Deep links to a passage: URL text fragments (`#:~:text=[prefix-,]start[,end][,-suffix]`).
// A browser scrolls to and highlights the first match, case-insensitively, at word boundaries, so the
// link is built to match exactly one place in the document; when no short directive does, the plain
// URL is returned rather than a link to the wrong passage.

export interface TextFragmentOptions {
  /** Passages longer than this many words are linked as `start,end` (default 8). */
  maxExactWords?: number;
  /** Words at each end of a `start,end` link (default 4; more when the end words repeat inside the passage). */
  edgeWords?: number;
  /** Most context words to try before and after (default 3). */
  maxContextWords?: number;
}

/** Percent-encoding for a text directive: `-`, `&` and `,` are its syntax and must be escaped too. */
export function encodeTextDirective(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Start offsets of `needle` in `hay` that sit on word boundaries at both ends. */
function occurrences(hay: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    const before = hay[i - 1];
    const after = hay[i + needle.length];
    const startsWord = WORD_CHAR.test(needle[0]);
    const endsWord = WORD_CHAR.test(needle[needle.length - 1]);
    if (startsWord && before !== undefined && WORD_CHAR.test(before)) continue;
    if (endsWord && after !== undefined && WORD_CHAR.test(after)) continue;
    found.push(i);
  }
  return found;
}

interface Directive {
  prefix: string;
  start: string;
  end: string;
  suffix: string;
}

function render(url: string, d: Directive): string {
  const parts = [
    d.prefix && `${encodeTextDirective(d.prefix)}-`,
    encodeTextDirective(d.start),
    d.end && encodeTextDirective(d.end),
    d.suffix && `-${encodeTextDirective(d.suffix)}`,
  ].filter(Boolean);
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  // Keep an existing fragment; drop any directive already on it (`#frag:~:…`).
  const fragment = hash === -1 ? '' : url.slice(hash + 1).split(':~:')[0];
  return `${base}#${fragment}:~:text=${parts.join(',')}`;
}

// Context pairs (prefix words, suffix words), fewest words first.
function contextPairs(max: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let total = 0; total <= 2 * max; total++)
    for (let p = Math.min(total, max); p >= 0; p--) if (total - p <= max) pairs.push([p, total - p]);
  return pairs;
}

/**
 * A link to `text.slice(exact.start, exact.end)` inside the document `text` found at `url`.
 * Returns `url` unchanged when the passage is empty or no directive singles it out.
 */
export function textFragmentUrl(
  url: string,
  text: string,
  exact: { start: number; end: number },
  opts: TextFragmentOptions = {},
): string {
  const maxExact = opts.maxExactWords ?? 8;
  const edge = opts.edgeWords ?? 4;
  const maxContext = opts.maxContextWords ?? 3;

  let { start, end } = exact;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start >= end) return url;

  // Matching is on collapsed whitespace and lower case, as a browser compares rendered text.
  const doc = collapse(text).toLowerCase();
  const docStart = collapse(text.slice(0, start)).length;
  const shown = collapse(text.slice(start, end));
  const passage = shown.toLowerCase();
  const docEnd = docStart + passage.length;
  const words = shown.split(' ');
  const before = collapse(text.slice(0, start)).trim().split(' ').filter(Boolean);
  const after = collapse(text.slice(end)).trim().split(' ').filter(Boolean);

  const tryDirective = (startText: string, endText: string, p: number, s: number): Directive | null => {
    if (p > before.length || s > after.length) return null;
    const prefix = before.slice(before.length - p).join(' ');
    const suffix = after.slice(0, s).join(' ');
    const lead = (prefix ? prefix + ' ' : '').toLowerCase();
    const head = lead + startText.toLowerCase() + (!endText && suffix ? ' ' + suffix.toLowerCase() : '');
    // The start (with its prefix) must occur once only, and here.
    const heads = occurrences(doc, head);
    if (heads.length !== 1 || heads[0] !== docStart - lead.length) return null;
    if (endText) {
      // The browser takes the first end match after the start: it must be ours.
      const from = docStart + startText.length;
      const tail = endText.toLowerCase() + (suffix ? ' ' + suffix.toLowerCase() : '');
      const first = occurrences(doc.slice(from), tail)[0];
      if (first === undefined || from + first !== docEnd - endText.length) return null;
    }
    return { prefix, start: startText, end: endText, suffix };
  };

  const pairs = contextPairs(maxContext);
  if (words.length <= maxExact) {
    for (const [p, s] of pairs) {
      const d = tryDirective(shown, '', p, s);
      if (d) return render(url, d);
    }
    return url;
  }
  // Long passage: first and last words; more edge words when the end words recur inside the passage.
  for (let n = edge; 2 * n < words.length; n++) {
    const startText = words.slice(0, n).join(' ');
    const endText = words.slice(words.length - n).join(' ');
    for (const [p, s] of pairs) {
      const d = tryDirective(startText, endText, p, s);
      if (d) return render(url, d);
    }
  }
  return url;
}
