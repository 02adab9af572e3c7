// Painting verdicts onto a page with the CSS Custom Highlight API: ranges are registered in
// `CSS.highlights` and styled with `::highlight(name)`. Nothing is inserted into the page's text,
// so pages whose DOM is owned by a framework keep working.
import type { Verdict } from '../types';
import { VERDICTS } from '../types';
import { VERDICT_INFO } from '../verdicts';
import { VERDICT_LOOK } from './palette';

export const HIGHLIGHT_PREFIX = 'verbatim-verdict-';
export const STYLE_ELEMENT_ID = 'verbatim-highlight-style';

/** `verbatim-verdict-altered`; short quotes get their own quiet variant, `…-quiet`. */
export function highlightName(verdict: Verdict, quiet = false): string {
  return `${HIGHLIGHT_PREFIX}${verdict}${quiet ? '-quiet' : ''}`;
}

export type ColourScheme = 'light' | 'dark' | 'auto';

function rules(dark: boolean): string {
  return VERDICTS.map((v) => {
    const look = VERDICT_LOOK[v];
    const ink = dark ? look.inkDark : look.ink;
    const wash = dark ? look.washDark : look.wash;
    const thick = look.underline === 'double' || look.underline === 'dotted' ? '2px' : '1.5px';
    // Spliced and altered share the wavy line; spliced also has one above, so the two differ without colour.
    const lines = look.overline ? 'underline overline' : 'underline';
    const full = look.quiet
      ? `text-decoration: ${lines} ${look.underline} ${ink} 1px;`
      : `background-color: ${wash}; text-decoration: ${lines} ${look.underline} ${ink} ${thick};`;
    // Short quotes (terms, scare quotes) are only underlined, thinly: the reader's eye is not drawn to them.
    const quiet = `text-decoration: ${lines} ${look.underline} ${ink} 1px;`;
    return `::highlight(${highlightName(v)}) { ${full} }\n::highlight(${highlightName(v, true)}) { ${quiet} }`;
  }).join('\n');
}

/**
 * The `::highlight()` rules. 'auto' follows the reader's colour scheme; 'light'/'dark' are for pages
 * whose own background says which one applies.
 */
export function highlightCss(scheme: ColourScheme = 'auto'): string {
  if (scheme === 'light') return rules(false);
  if (scheme === 'dark') return rules(true);
  return `${rules(false)}\n@media (prefers-color-scheme: dark) {\n${rules(true)}\n}`;
}

/** Adds (or updates) the one <style> element the highlights need. */
export function installHighlightStyle(doc: Document, scheme: ColourScheme = 'auto'): HTMLStyleElement {
  let style = doc.getElementById(STYLE_ELEMENT_ID) as HTMLStyleElement | null;
  if (!style) {
    style = doc.createElement('style');
    style.id = STYLE_ELEMENT_ID;
    (doc.head ?? doc.documentElement).appendChild(style);
  }
  const css = highlightCss(scheme);
  if (style.textContent !== css) style.textContent = css;
  return style;
}

function parseRgb(colour: string): [number, number, number, number] | null {
  const m = /rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(colour);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

function luminance([r, g, b]: readonly number[]): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/**
 * Whether the text at `el` sits on a light or a dark page: the first opaque background behind it
 * decides; where the page sets none, the colour of its text does (light text means a dark page).
 * 'auto' when neither tells.
 */
export function pageScheme(el: Element | null): ColourScheme {
  const view = el?.ownerDocument.defaultView;
  if (!el || !view) return 'auto';
  for (let node: Element | null = el; node; node = node.parentElement) {
    const rgba = parseRgb(view.getComputedStyle(node).backgroundColor);
    if (rgba && rgba[3] > 0.5) return luminance(rgba) < 0.45 ? 'dark' : 'light';
  }
  const text = parseRgb(view.getComputedStyle(el).color);
  if (text && text[3] > 0.5) {
    const l = luminance(text);
    if (l > 0.6) return 'dark';
    if (l < 0.4) return 'light';
  }
  return 'auto';
}

/**
 * The Highlight objects Verbatim registered, per window. Kept here rather than read back from the
 * registry: Firefox hands content scripts the page's registry behind a wrapper.
 */
const registered = new WeakMap<Window, Map<string, Highlight>>();

export interface PaintedQuote {
  verdict: Verdict;
  short: boolean;
  range: Range | null;
}

/** The highlight registry of a window, when the browser has one. */
export function highlightRegistry(win: Window & typeof globalThis): HighlightRegistry | null {
  const css = win.CSS as (typeof CSS & { highlights?: HighlightRegistry }) | undefined;
  return css?.highlights && typeof win.Highlight === 'function' ? css.highlights : null;
}

/**
 * Replaces Verbatim's highlights with one Highlight per verdict (and per quiet variant).
 * Returns false when the browser lacks the API (nothing is painted then).
 */
export function paintHighlights(win: Window & typeof globalThis, quotes: readonly PaintedQuote[]): boolean {
  const registry = highlightRegistry(win);
  if (!registry) return false;
  clearHighlights(win);
  const groups = new Map<string, { verdict: Verdict; ranges: Range[] }>();
  for (const q of quotes) {
    if (!q.range) continue;
    const name = highlightName(q.verdict, q.short && q.verdict !== 'not_found');
    const group = groups.get(name) ?? { verdict: q.verdict, ranges: [] };
    group.ranges.push(q.range);
    groups.set(name, group);
  }
  const ours = new Map<string, Highlight>();
  for (const [name, { verdict, ranges }] of groups) {
    const highlight = new win.Highlight(...ranges);
    // Where quotes nest, the verdict that needs the reader's attention is drawn on top.
    highlight.priority = VERDICT_INFO[verdict].rank;
    registry.set(name, highlight);
    ours.set(name, highlight);
  }
  registered.set(win, ours);
  return true;
}

/**
 * Adds quotes to Verbatim's highlights, keeping those already painted: a page's verdicts arrive
 * batch by batch. Returns false when the browser lacks the API.
 */
export function addHighlights(win: Window & typeof globalThis, quotes: readonly PaintedQuote[]): boolean {
  const registry = highlightRegistry(win);
  if (!registry) return false;
  const ours = registered.get(win) ?? new Map<string, Highlight>();
  registered.set(win, ours);
  for (const q of quotes) {
    if (!q.range) continue;
    const name = highlightName(q.verdict, q.short && q.verdict !== 'not_found');
    const existing = ours.get(name);
    if (existing) {
      existing.add(q.range);
    } else {
      const highlight = new win.Highlight(q.range);
      // Where quotes nest, the verdict that needs the reader's attention is drawn on top.
      highlight.priority = VERDICT_INFO[q.verdict].rank;
      ours.set(name, highlight);
      registry.set(name, highlight);
    }
  }
  return true;
}

export function clearHighlights(win: Window & typeof globalThis): void {
  const registry = highlightRegistry(win);
  if (!registry) return;
  registered.delete(win);
  // Every name Verbatim can register, deleted by name: Firefox gives content scripts the page's
  // registry behind a wrapper that cannot be iterated, so the registry's own keys are never listed.
  for (const verdict of VERDICTS) {
    registry.delete(highlightName(verdict, false));
    registry.delete(highlightName(verdict, true));
  }
}
