// A source's passages as its stored index row keeps them: a few typed arrays and a short list of
// section names, instead of an object per paragraph. A cold start reads every row at once, and
// IndexedDB's structured clone makes each object (and its four properties) one by one on the
// worker's thread, where a typed array is one copy. A loaded source makes its Passage list on
// first use: only the sources a quote is found in, or a search looks into, ever need one.
import type { Passage } from './passages';

export interface PackedPassages {
  bounds: Uint32Array; // each passage's start and end offset, in turn
  headings: Uint8Array; // 1 where the passage is a heading line, else 0
  sectionOf: Uint16Array | Uint32Array; // each passage's section: 0 for none, else 1 + its place in `sections`
  sections: string[]; // the distinct section names, in order of first use
}

export function packPassages(passages: readonly Passage[]): PackedPassages {
  const n = passages.length;
  const bounds = new Uint32Array(2 * n);
  const headings = new Uint8Array(n);
  const numbers = new Uint32Array(n);
  const sections: string[] = [];
  const numberOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const { start, end, section, heading } = passages[i];
    bounds[2 * i] = start;
    bounds[2 * i + 1] = end;
    headings[i] = heading ? 1 : 0;
    if (section === null) continue;
    let number = numberOf.get(section);
    if (number === undefined) {
      number = sections.push(section);
      numberOf.set(section, number);
    }
    numbers[i] = number;
  }
  return { bounds, headings, sectionOf: sections.length < 0xffff ? Uint16Array.from(numbers) : numbers, sections };
}

/**
 * Throws unless `packed` is a whole passage table: its arrays of the right kinds and of one
 * passage count, every heading flag 0 or 1, every section number within the names.
 */
export function checkPackedPassages(packed: PackedPassages | undefined): void {
  if (!packed || typeof packed !== 'object') throw new Error('no passages');
  const { bounds, headings, sectionOf, sections } = packed;
  if (!(bounds instanceof Uint32Array) || !(headings instanceof Uint8Array) || !(sectionOf instanceof Uint16Array || sectionOf instanceof Uint32Array)) {
    throw new Error('passages not stored as typed arrays');
  }
  if (!Array.isArray(sections) || !sections.every((s) => typeof s === 'string')) throw new Error('section names not a list of strings');
  const n = headings.length;
  if (bounds.length !== 2 * n || sectionOf.length !== n) throw new Error(`passage table lengths disagree: ${bounds.length} bounds, ${n} headings, ${sectionOf.length} sections`);
  const names = sections.length;
  for (let i = 0; i < n; i++) {
    if (headings[i] > 1 || sectionOf[i] > names) throw new Error(`passage ${i} out of range`);
  }
}

/** The passages of a table checked whole by checkPackedPassages. */
export function unpackPassages(packed: PackedPassages): Passage[] {
  const { bounds, headings, sectionOf, sections } = packed;
  const n = headings.length;
  const passages: Passage[] = [];
  for (let i = 0; i < n; i++) {
    const number = sectionOf[i];
    passages.push({ start: bounds[2 * i], end: bounds[2 * i + 1], section: number === 0 ? null : sections[number - 1], heading: headings[i] === 1 });
  }
  return passages;
}

const isOffset = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 0xffffffff;

/**
 * The passages of a row stored before they were packed (format 4: a list of Passage objects),
 * packed; null unless every entry is a whole passage, so that a damaged row is rebuilt instead.
 */
export function packStoredList(list: unknown): PackedPassages | null {
  if (!Array.isArray(list)) return null;
  for (const p of list) {
    if (!p || typeof p !== 'object') return null;
    const { start, end, section, heading } = p as Passage;
    if (!isOffset(start) || !isOffset(end) || typeof heading !== 'boolean' || !(section === null || typeof section === 'string')) return null;
  }
  return packPassages(list as Passage[]);
}
