// An article's metadata from its page: Open Graph and article: meta tags, <link rel=canonical>,
// JSON-LD (schema.org Article), and <time>. Standard DOM only, so it works on any Document.
import type { ArticleMeta } from '../types';
import { elementsByTag, tagOf, textOf } from './dom';

/** The elements metadata is read from, found in one walk over the page. */
type Found = Map<string, Element[]>;
const META_TAGS = new Set(['meta', 'link', 'script', 'time', 'title', 'h1', 'a']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** All <meta> values by lower-cased property/name/itemprop; the first one of each wins. */
function metaValues(found: Found): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of found.get('meta') ?? []) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content);
    }
  }
  return out;
}

const ARTICLE_TYPES = /(?:^|[^a-z])(?:article|newsarticle|blogposting|reportagenewsarticle|analysisnewsarticle|opinionnewsarticle|report|webpage)$/i;

function isRecord(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The JSON-LD objects that describe an article (following @graph and arrays), best first. */
function jsonLdArticles(elements: Found): { [key: string]: Json }[] {
  const found: { [key: string]: Json }[] = [];
  for (const script of elements.get('script') ?? []) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    let data: Json;
    try {
      data = JSON.parse(textOf(script)) as Json;
    } catch {
      continue;
    }
    const queue: Json[] = [data];
    for (let n = 0; n < queue.length && n < 200; n++) {
      const item = queue[n];
      if (Array.isArray(item)) queue.push(...item);
      else if (isRecord(item)) {
        if (Array.isArray(item['@graph'])) queue.push(...item['@graph']);
        const types = ([] as Json[]).concat(item['@type'] ?? []).filter((t): t is string => typeof t === 'string');
        if (types.some((t) => ARTICLE_TYPES.test(t)) || typeof item.headline === 'string') found.push(item);
      }
    }
  }
  // Articles before plain web pages.
  return found.sort((a, b) => Number(typeof b.headline === 'string') - Number(typeof a.headline === 'string'));
}

/** A name from a JSON-LD value: a string, {name}, or the first of an array. */
function nameOf(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (isRecord(v)) return nameOf(v.name);
  return null;
}

function stringOf(v: Json | undefined): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** Resolves a page-relative address against the page's own, when the page has one. */
function absolute(doc: Document, href: string | null): string | null {
  if (!href) return null;
  try {
    const base = doc.URL && /^https?:/i.test(doc.URL) ? doc.URL : undefined;
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function looksLikeUrl(s: string): boolean {
  return /^(?:https?:)?\/\//i.test(s);
}

function hasRel(el: Element, rel: string): boolean {
  return (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes(rel);
}

function firstText(elements: Element[] | undefined): string | null {
  for (const el of elements ?? []) {
    const text = textOf(el, 500).replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return null;
}

function insideArticle(el: Element): boolean {
  for (let n: Node | null = el.parentNode; n; n = n.parentNode) {
    if (n.nodeType === 1 && tagOf(n as Element) === 'article') return true;
  }
  return false;
}

export function readArticleMeta(doc: Document): ArticleMeta {
  const root = doc.documentElement ?? doc;
  const found = elementsByTag(root, META_TAGS);
  const meta = metaValues(found);
  const ld = jsonLdArticles(found);
  const fromLd = (pick: (item: { [key: string]: Json }) => string | null): string | null => {
    for (const item of ld) {
      const v = pick(item);
      if (v) return v;
    }
    return null;
  };

  const title =
    meta.get('og:title') ??
    meta.get('twitter:title') ??
    fromLd((i) => stringOf(i.headline)) ??
    firstText(found.get('title')) ??
    firstText(found.get('h1'));

  const links = found.get('link') ?? [];
  const canonical = links.find((l) => hasRel(l, 'canonical'))?.getAttribute('href')?.trim() || null;
  const url = absolute(doc, canonical ?? meta.get('og:url') ?? fromLd((i) => stringOf(i.url)));

  const site =
    meta.get('og:site_name') ?? fromLd((i) => nameOf(i.publisher)) ?? meta.get('application-name') ?? null;

  const metaAuthor = meta.get('author') ?? meta.get('article:author') ?? meta.get('twitter:creator');
  const authorLink = [...(found.get('a') ?? []), ...links].find((el) => hasRel(el, 'author'));
  const author =
    (metaAuthor && !looksLikeUrl(metaAuthor) ? metaAuthor : null) ??
    fromLd((i) => nameOf(i.author)) ??
    (authorLink ? firstText([authorLink]) : null);

  // A <time> inside the article first, else the page's first.
  const times = (found.get('time') ?? []).filter((t) => t.getAttribute('datetime')?.trim());
  const inArticle = times.find(insideArticle);
  const published =
    meta.get('article:published_time') ??
    fromLd((i) => stringOf(i.datePublished)) ??
    meta.get('datepublished') ??
    meta.get('date') ??
    meta.get('dc.date') ??
    ((inArticle ?? times[0])?.getAttribute('datetime')?.trim() || null);

  return { title, url, site, author, published };
}
