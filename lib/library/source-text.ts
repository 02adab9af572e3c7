// An HTML document as a library source: its main content as source text (`## ` heading lines,
// a blank line between paragraphs) and the metadata its head declares. Reads the DOM only:
// nothing is executed, and nothing outside the content (menus, forms, scripts) gets in.
import type { SourceMeta } from '../types';

/** Never part of a source's text, wherever they are. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'ASIDE', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA',
  'INPUT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'VIDEO', 'AUDIO', 'MAP', 'DIALOG', 'FOOTER',
  'HEAD', 'TITLE', 'META', 'LINK',
]);

/** Page chrome when the content root is the whole body; a header inside an article usually holds its title. */
const CHROME_OUTSIDE_CONTENT = new Set(['HEADER']);

/** Elements that end the running paragraph before and after them. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'HGROUP', 'HR', 'HTML', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL', 'HEADER',
]);

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

const CELLS = new Set(['TD', 'TH']);

export interface SourceText {
  text: string;
  meta: Partial<SourceMeta>;
}

export function htmlToSourceText(doc: Document): SourceText {
  const root = contentRoot(doc);
  const out = new ParagraphWriter();
  walk(root, out, root.tagName === 'BODY');
  return { text: out.finish(), meta: sourceMeta(doc) };
}

/** The element that holds the document's own content: its longest article, else main, else the body. */
function contentRoot(doc: Document): Element {
  const articles = Array.from(doc.querySelectorAll('article'));
  if (articles.length > 0) {
    return articles.reduce((best, a) => (textLength(a) > textLength(best) ? a : best));
  }
  return doc.querySelector('main') ?? doc.body ?? doc.documentElement;
}

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').length;
}

function isHidden(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/** Landmarks that are the site's, not the document's, wherever the markup puts them. */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog']);

/** Class or id words that sites give their chrome: cookie notices, breadcrumbs, related links, share bars. */
const CHROME_NAMES = /(?:^|[\s_-])(?:cookie|cookies|consent|breadcrumbs?|related|share|sharing|skip-?link|feedback|print-link|back-to-top)(?:$|[\s_-])/i;

function isChrome(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role.toLowerCase())) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  return CHROME_NAMES.test(names);
}

/** The number a list item shows in an ordered list (`start`, `value`, `reversed` are not used by reports). */
function listNumber(li: Element): number | null {
  const list = li.parentElement;
  if (!list || list.tagName.toUpperCase() !== 'OL') return null;
  const value = Number(li.getAttribute('value'));
  if (Number.isInteger(value) && li.hasAttribute('value')) return value;
  const start = list.hasAttribute('start') ? Number(list.getAttribute('start')) : 1;
  const items = Array.from(list.children).filter((c) => c.tagName.toUpperCase() === 'LI');
  return (Number.isInteger(start) ? start : 1) + items.indexOf(li);
}

/** Collects inline text into paragraphs, collapsing the markup's whitespace as a browser would. */
class ParagraphWriter {
  private paragraphs: string[] = [];
  private line = '';
  private lines: string[] = [];
  private number = '';

  /** A paragraph number (`12. `) for the next paragraph that has words. */
  numbered(n: number): void {
    this.end();
    this.number = `${n}. `;
  }

  text(s: string): void {
    this.line += s.replace(/[\t\n\r\f ]+/g, ' ');
  }

  /** A `<br>`: a line break inside the paragraph. */
  lineBreak(): void {
    this.lines.push(this.line);
    this.line = '';
  }

  /** Preformatted text keeps its line breaks (spaces still collapse: matching ignores them anyway). */
  preformatted(s: string): void {
    const parts = s.replace(/\r\n?/g, '\n').split('\n');
    parts.forEach((part, i) => {
      if (i > 0) this.lineBreak();
      this.line += part.replace(/[\t\f ]+$/g, '');
    });
  }

  /** Ends the running paragraph, if it has any words. */
  end(): void {
    this.lineBreak();
    const lines = this.lines.map((l) => l.replace(/ +/g, ' ').trim()).filter((l) => l !== '');
    this.lines = [];
    if (lines.length > 0) {
      this.paragraphs.push(this.number + lines.join('\n'));
      this.number = '';
    }
  }

  heading(s: string): void {
    this.end();
    const words = s.replace(/\s+/g, ' ').trim();
    if (words) this.paragraphs.push(`## ${words}`);
    this.number = '';
  }

  finish(): string {
    this.end();
    return this.paragraphs.join('\n\n');
  }
}

function walk(node: Node, out: ParagraphWriter, bodyIsRoot: boolean): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3 /* TEXT_NODE */) {
      out.text(child.nodeValue ?? '');
      continue;
    }
    if (child.nodeType !== 1 /* ELEMENT_NODE */) continue;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED.has(tag) || isHidden(el) || isChrome(el)) continue;
    if (bodyIsRoot && CHROME_OUTSIDE_CONTENT.has(tag)) continue;
    if (HEADINGS.has(tag)) {
      out.heading(el.textContent ?? '');
    } else if (tag === 'BR') {
      out.lineBreak();
    } else if (tag === 'PRE') {
      out.end();
      out.preformatted(el.textContent ?? '');
      out.end();
    } else if (tag === 'IMG') {
      continue; // alt text describes a picture; it is not the document's words
    } else if (CELLS.has(tag)) {
      out.text(' ');
      walk(el, out, bodyIsRoot);
      out.text(' ');
    } else if (tag === 'LI' && listNumber(el) !== null) {
      // A numbered paragraph keeps its number: readers cite reports by paragraph.
      out.numbered(listNumber(el)!);
      walk(el, out, bodyIsRoot);
      out.end();
    } else if (BLOCKS.has(tag)) {
      out.end();
      walk(el, out, bodyIsRoot);
      out.end();
    } else {
      walk(el, out, bodyIsRoot);
    }
  }
}

function metaContent(doc: Document, selectors: string[]): string | null {
  for (const selector of selectors) {
    const el = doc.querySelector(selector);
    const value = (el?.getAttribute('content') ?? el?.getAttribute('href') ?? el?.getAttribute('datetime') ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    if (value) return value;
  }
  return null;
}

/** `2023-12-08T11:05:00+00:00`, `2023-12-08` → `2023-12-08`; anything else is not trusted as a date. */
export function isoDate(value: string | null): string | null {
  const m = value?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function sourceMeta(doc: Document): Partial<SourceMeta> {
  const meta: Partial<SourceMeta> = {};
  const title =
    metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="citation_title"]', 'meta[name="dc.title" i]']) ??
    ((doc.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim() || null) ??
    ((doc.querySelector('h1')?.textContent ?? '').replace(/\s+/g, ' ').trim() || null);
  if (title) meta.title = title;
  const author = metaContent(doc, [
    'meta[name="author"]',
    'meta[property="article:author"]',
    'meta[name="citation_author"]',
    'meta[name="dc.creator" i]',
  ]);
  if (author && !/^https?:\/\//.test(author)) meta.author = author;
  const publisher = metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="publisher"]', 'meta[name="dc.publisher" i]']);
  if (publisher) meta.publisher = publisher;
  const published = isoDate(
    metaContent(doc, [
      'meta[property="article:published_time"]',
      'meta[name="citation_publication_date"]',
      'meta[name="date"]',
      'meta[name="dc.date" i]',
      'meta[itemprop="datePublished"]',
      'time[datetime]',
    ]),
  );
  if (published) meta.published = published;
  const url = metaContent(doc, ['link[rel="canonical"]', 'meta[property="og:url"]']);
  if (url && /^https?:\/\//.test(url)) meta.url = url;
  const ogType = metaContent(doc, ['meta[property="og:type"]']);
  if (ogType === 'article') meta.type = 'article';
  return meta;
}
