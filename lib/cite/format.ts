// Reference-list entries in five styles, formatted by citeproc-js with the official CSL styles.
// citeproc-js and the style files are loaded on first use (dynamic import), so a module that only
// imports this file pays a few kilobytes until a citation is actually asked for.

import type { CslNode } from 'citeproc';
import type { CslItem } from './csl-record';
import { loadLocale, loadStyle, STYLE_FILES, type CitationLocale, type CitationStyle } from './style-data';

export type { CitationStyle, CitationLocale } from './style-data';
export { CITATION_STYLES } from './style-data';

export interface FormatOptions {
  /** Defaults to the style's home locale: en-GB for Harvard and OSCOLA, en-US for APA, MLA and Chicago. */
  locale?: CitationLocale;
}

export interface FormattedCitation {
  text: string; // plain text, one entry a line
  html: string; // one `<div class="csl-entry">` per entry; titles in <i>
}

export interface FormattedEntry {
  text: string;
  html: string; // the entry's inline HTML, without a wrapping element
}

/**
 * The published rules that a style's CSL file leaves to the data. Applied to a copy of each item.
 * - APA 7: when the author and the publisher (or site) are the same body, the publisher is omitted.
 * - Cite Them Right: a web page is "Author (Year) Title. Available at: URL (Accessed: date)." — no site name.
 * - MLA 9: a work by an organisation that is also its publisher begins with the title; the body is
 *   named once, as publisher, in full.
 * - Chicago 17 and OSCOLA 4: a report is styled like a book (italic title, publisher and year);
 *   the CSL files put report titles in quotation marks, as for a part of a larger work.
 */
export function adaptForStyle(item: CslItem, style: CitationStyle): CslItem {
  const out: CslItem = { ...item };
  const ownPublisher = item.custom?.publisherIsAuthor === true;
  switch (style) {
    case 'apa':
      if (ownPublisher) {
        delete out.publisher;
        delete out['container-title'];
      }
      break;
    case 'harvard':
      if (ownPublisher && item.type === 'webpage') {
        delete out.publisher;
        delete out['container-title'];
      }
      break;
    case 'mla':
      if (ownPublisher && item.author?.[0]?.literal) {
        const body = item.author[0].literal;
        delete out.author;
        if (item.publisher) out.publisher = body;
      }
      break;
    case 'chicago':
    case 'oscola':
      if (item.type === 'report') out.type = 'book';
      break;
  }
  return out;
}

type CiteprocModule = typeof import('citeproc');
let citeproc: Promise<CiteprocModule['default']> | null = null;

function loadCiteproc(): Promise<CiteprocModule['default']> {
  citeproc ??= import('citeproc').then((m) => (m as unknown as { default?: CiteprocModule['default'] }).default ?? (m as unknown as CiteprocModule['default']));
  return citeproc;
}

interface CachedEngine {
  engine: InstanceType<CiteprocModule['default']['Engine']>;
  items: Map<string, CslItem>; // what retrieveItem answers; refilled for each call
}

// Building an engine parses the style (APA's is large): one per style and locale, reused.
const engines = new Map<string, Promise<CachedEngine>>();

function engineFor(style: CitationStyle, locale: CitationLocale): Promise<CachedEngine> {
  const key = `${style}|${locale}`;
  let p = engines.get(key);
  if (!p) {
    p = (async () => {
      const [CSL, styleNode, localeNode, usNode] = await Promise.all([
        loadCiteproc(),
        loadStyle(style),
        loadLocale(locale),
        loadLocale('en-US'), // citeproc-js falls back to en-US for any term the locale lacks
      ]);
      const locales: Record<string, CslNode> = { [locale]: localeNode, 'en-US': usNode };
      const items = new Map<string, CslItem>();
      const sys = {
        retrieveLocale: (lang: string) => locales[lang] ?? usNode,
        retrieveItem: (id: string) => items.get(id),
      };
      // forceLang: the chosen locale wins over a style's own default-locale.
      return { engine: new CSL.Engine(sys, styleNode, locale, true), items };
    })();
    p.catch(() => engines.delete(key));
    engines.set(key, p);
  }
  return p;
}

// citeproc-js caches items by id: every call formats under fresh ids so an edited item is never stale.
let nextId = 0;

/** The reference-list entry of each item, in the style's order (a reference list is sorted). */
export async function formatEntries(
  input: CslItem[] | CslItem,
  style: CitationStyle,
  opts: FormatOptions = {},
): Promise<FormattedEntry[]> {
  const list = Array.isArray(input) ? input : [input];
  if (list.length === 0) return [];
  const locale = opts.locale ?? STYLE_FILES[style].locale;
  const { engine, items } = await engineFor(style, locale);

  // From here on everything is synchronous, so calls sharing the engine cannot interleave.
  items.clear();
  for (const item of list) {
    const id = `v${++nextId}`;
    items.set(id, { ...adaptForStyle(item, style), id });
  }
  const ids = [...items.keys()];
  engine.updateItems(ids);
  const render = (format: 'text' | 'html') => {
    engine.setOutputFormat(format);
    const result = engine.makeBibliography();
    if (!result) throw new Error(`the ${style} style has no bibliography`);
    const [meta, entries] = result;
    return meta.entry_ids.map((idList, i) => ({ id: String(idList[0]), entry: entries[i] }));
  };
  const text = render('text');
  const html = new Map(render('html').map((e) => [e.id, e.entry]));
  return text.map(({ id, entry }) => ({
    text: entry.trim(),
    html: (html.get(id) ?? '')
      .trim()
      .replace(/^<div class="csl-entry">/, '')
      .replace(/<\/div>$/, '')
      .trim(),
  }));
}

export async function formatCitation(
  items: CslItem[] | CslItem,
  style: CitationStyle,
  opts: FormatOptions = {},
): Promise<FormattedCitation> {
  const entries = await formatEntries(items, style, opts);
  return {
    text: entries.map((e) => e.text).join('\n'),
    html: entries.map((e) => `<div class="csl-entry">${e.html}</div>`).join('\n'),
  };
}
