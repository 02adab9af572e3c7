// The article's own text from a page's DOM, with a map from every text offset back to the text
// node it came from (for highlights and click hit-testing). Standard DOM only (no TreeWalker, no
// computed styles): it runs on a browser's document, happy-dom and linkedom alike. The tree is
// walked with an explicit stack, so deep pages cannot overflow the call stack.
import type { ArticleMeta } from '../types';
import type { ExplicitQuote } from './detect';
import { ELEMENT_NODE, TEXT_NODE, tagOf } from './dom';
import { readArticleMeta } from './meta';

/** text.slice(start, end) is node.data, character for character (whitespace shown as spaces). */
export interface TextSegment {
  node: Text;
  start: number;
  end: number;
}

export interface ExtractedArticle {
  text: string; // paragraphs separated by '\n'
  explicit: ExplicitQuote[]; // <q> and <blockquote> spans in `text`
  segments: TextSegment[]; // in text order
  meta: ArticleMeta;
}

/** Page furniture and elements whose text is not the article's. */
const NOT_ARTICLE = new Set([
  'nav', 'footer', 'aside', 'form', 'figcaption', 'script', 'style', 'noscript', 'template', 'textarea', 'input',
  'select', 'button', 'svg', 'iframe', 'head', 'title', 'meta', 'link', 'object', 'embed', 'video', 'audio',
  'canvas', 'dialog', 'menu',
]);

/** Any whitespace but the plain space. */
const OTHER_WHITESPACE = /[^\S ]/;

/** Landmark roles that mark page furniture. */
const NOT_ARTICLE_ROLES = new Set(['navigation', 'complementary', 'contentinfo']);

/** Elements that start and end a paragraph; everything else joins its neighbours inline. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'ul', 'body',
  'html', 'search',
]);

/** True when an element (and so all it holds) is not part of the article's text. */
function isExcluded(el: Element, tag: string, inArticle: boolean): boolean {
  if (NOT_ARTICLE.has(tag)) return true;
  if (tag === 'header' && !inArticle) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const role = el.getAttribute('role')?.trim().toLowerCase();
  if (role && NOT_ARTICLE_ROLES.has(role)) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.trim().toLowerCase() !== 'false') return true;
  const style = el.getAttribute('style');
  return !!style && /(?:^|;)\s*display\s*:\s*none\b/i.test(style);
}

const ROOT_TAGS = new Set(['article', 'main']);
/** Pages that list many articles (cards) are measured by their first ones only. */
const MAX_ARTICLES = 50;

/** At most this many <article> and <main> elements are looked at (the first ones, in document order). */
const ROOT_LIMIT = 10_000;

/** An element and the number of characters of text under it. */
interface Measured {
  el: Element;
  length: number;
}

/**
 * The first `limit` <article> and <main> elements under `body` in document order, each with its
 * text length, and the length of all the text under `body`: one walk, where finding the elements
 * and measuring each of them walked the page three times.
 */
export function measureRoots(body: Element, limit = ROOT_LIMIT): { articles: Measured[]; mains: Measured[]; total: number } {
  const articles: Measured[] = [];
  const mains: Measured[] = [];
  // A node to read, or where an element's text ends: its length is the text read since its start.
  const stack: (Node | { ends: Measured; from: number })[] = [body];
  let total = 0;
  let count = 0;
  while (stack.length) {
    const item = stack.pop() as Node | { ends: Measured; from: number };
    if ('ends' in item) {
      item.ends.length = total - item.from;
      continue;
    }
    const node = item;
    if (node.nodeType === TEXT_NODE) total += ((node as Text).data ?? '').length;
    else if (node.nodeType === ELEMENT_NODE) {
      const tag = tagOf(node as Element);
      if ((tag === 'article' || tag === 'main') && count < limit) {
        count++;
        const m: Measured = { el: node as Element, length: 0 };
        (tag === 'article' ? articles : mains).push(m);
        stack.push({ ends: m, from: total });
      }
    }
    const kids = node.childNodes;
    if (kids) for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
  return { articles, mains, total };
}

/**
 * Where the article is: the largest <article>, unless it holds only a small part of the page
 * (a teaser card); then <main>; else <body>.
 */
function articleRoot(doc: Document): Element | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  const { articles, mains, total } = measureRoots(body);
  const around = mains[0] ?? { el: body, length: total };
  let best: Measured | null = null;
  for (const m of articles.slice(0, MAX_ARTICLES)) if (m.length > (best?.length ?? -1)) best = m;
  return best && best.length * 5 >= around.length ? best.el : around.el;
}

type Step = { node: Node; inArticle: boolean } | { exit: Element; tag: string; from: number };

export function extractArticle(doc: Document): ExtractedArticle {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  const rawQuotes: ExplicitQuote[] = [];
  let length = 0;
  let lastChar = '';
  let paragraphHasText = false;

  /** Starts a new paragraph unless one has just started. */
  const paragraphBreak = (): void => {
    if (length > 0 && lastChar !== '\n') {
      parts.push('\n');
      length += 1;
      lastChar = '\n';
    }
    paragraphHasText = false;
  };

  const root = articleRoot(doc);
  const stack: Step[] = [];
  if (root) stack.push({ node: root, inArticle: tagOf(root) === 'article' });

  while (stack.length) {
    const step = stack.pop() as Step;
    if ('exit' in step) {
      if (step.tag === 'q' || step.tag === 'blockquote') rawQuotes.push({ start: step.from, end: length, kind: step.tag });
      if (BLOCKS.has(step.tag)) paragraphBreak();
      continue;
    }
    const { node, inArticle } = step;
    if (node.nodeType === TEXT_NODE) {
      const textNode = node as Text;
      const data = textNode.data ?? '';
      if (data.length === 0) continue;
      const blank = !/\S/.test(data);
      if (blank && !paragraphHasText) continue; // indentation between blocks
      // Same length: offsets stay 1:1 with the node. Most text nodes hold no whitespace but plain
      // spaces, and are kept as they are rather than copied.
      const shown = OTHER_WHITESPACE.test(data) ? data.replace(/\s/g, ' ') : data;
      segments.push({ node: textNode, start: length, end: length + shown.length });
      parts.push(shown);
      length += shown.length;
      lastChar = shown[shown.length - 1];
      if (!blank) paragraphHasText = true;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = tagOf(el);
    if (el !== root && isExcluded(el, tag, inArticle)) continue;
    if (tag === 'br' || tag === 'hr') {
      paragraphBreak();
      continue;
    }
    const block = BLOCKS.has(tag);
    if (block) paragraphBreak();
    if (block || tag === 'q') stack.push({ exit: el, tag, from: length });
    const childInArticle = inArticle || tag === 'article';
    const children = el.childNodes;
    for (let k = children.length - 1; k >= 0; k--) stack.push({ node: children[k], inArticle: childInArticle });
  }

  let text = parts.join('');
  if (lastChar === '\n') text = text.slice(0, -1); // no break after the last paragraph
  const explicit: ExplicitQuote[] = [];
  for (const q of rawQuotes) {
    let s = q.start;
    let e = Math.min(q.end, text.length);
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) explicit.push({ start: s, end: e, kind: q.kind });
  }
  explicit.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, explicit, segments, meta: readArticleMeta(doc) };
}

/** The first index whose value (by `key`) is >= x, in segments sorted by offset. */
function firstAtLeast(segments: TextSegment[], x: number, key: 'start' | 'end'): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid][key] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A DOM Range over the page's text nodes for text.slice(start, end), or null when the span holds
 * no page text or the page has changed under it. Ends that fall on a paragraph break move onto
 * the nearest text inside the span.
 */
export function rangeFor(article: ExtractedArticle, start: number, end: number): Range | null {
  const { segments } = article;
  if (!(start < end)) return null;
  const a = firstAtLeast(segments, start + 1, 'end'); // first segment ending after `start`
  const b = firstAtLeast(segments, end, 'start') - 1; // last segment starting before `end`
  if (a >= segments.length || b < 0 || a > b) return null;
  const first = segments[a];
  const last = segments[b];
  const startOffset = Math.max(start, first.start) - first.start;
  const endOffset = Math.min(end, last.end) - last.start;
  try {
    if (startOffset > first.node.data.length || endOffset > last.node.data.length) return null;
    const doc = first.node.ownerDocument;
    if (!doc) return null;
    const range = doc.createRange();
    range.setStart(first.node, startOffset);
    range.setEnd(last.node, endOffset);
    return range;
  } catch {
    return null;
  }
}

/** Text nodes to their segments, built once per extracted article. */
const nodeIndex = new WeakMap<ExtractedArticle, Map<Node, TextSegment>>();

function segmentOf(article: ExtractedArticle, node: Node): TextSegment | undefined {
  let map = nodeIndex.get(article);
  if (!map) {
    map = new Map(article.segments.map((s) => [s.node as Node, s]));
    nodeIndex.set(article, map);
  }
  return map.get(node);
}

/** The first (or last) text segment inside a node, in document order. */
function segmentWithin(article: ExtractedArticle, node: Node, last: boolean): TextSegment | undefined {
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop() as Node;
    const seg = segmentOf(article, n);
    if (seg) return seg;
    const kids = n.childNodes;
    if (!kids) continue;
    if (last) for (let k = 0; k < kids.length; k++) stack.push(kids[k]);
    else for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
  return undefined;
}

/**
 * The text offset of a DOM position (a caret from a click), or null when the position is not in
 * the article's text.
 */
export function offsetOf(article: ExtractedArticle, node: Node, offset: number): number | null {
  const seg = segmentOf(article, node);
  if (seg) return seg.start + Math.max(0, Math.min(offset, seg.end - seg.start));
  const kids = node.childNodes;
  if (!kids || kids.length === 0) return null;
  // A position between children: the text that follows it, else the text that precedes it.
  for (let k = Math.max(0, offset); k < kids.length; k++) {
    const next = segmentWithin(article, kids[k], false);
    if (next) return next.start;
  }
  for (let k = Math.min(offset, kids.length) - 1; k >= 0; k--) {
    const prev = segmentWithin(article, kids[k], true);
    if (prev) return prev.end;
  }
  return null;
}
