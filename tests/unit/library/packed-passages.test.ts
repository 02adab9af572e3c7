// The passages as a stored index row keeps them: typed arrays that give back exactly the passages
// they were made from, a table that does not hold together refused, and the object lists that
// rows of format 4 stored packed when whole.
import { describe, expect, it } from 'vitest';
import { type PackedPassages, checkPackedPassages, packPassages, packStoredList, unpackPassages } from '../../../lib/library/packed-passages';
import { type Passage, parsePassages } from '../../../lib/library/passages';
import { loadSources } from '../match/corpus';
import { loadSotuLibrary } from '../../../scripts/eval/library';

/** Packed, through structured clone as IndexedDB stores it, checked, and back. */
function roundTrip(passages: Passage[]): Passage[] {
  const stored = structuredClone(packPassages(passages));
  checkPackedPassages(stored);
  return unpackPassages(stored);
}

describe('packed passages', () => {
  it('give back every passage of the corpus and the State of the Union library, sections and headings included', () => {
    const texts = [...loadSources(), ...loadSotuLibrary()].map((s) => s.text);
    let sections = 0;
    for (const text of texts) {
      const passages = parsePassages(text);
      sections += passages.filter((p) => p.section !== null).length;
      expect(roundTrip(passages)).toEqual(passages);
    }
    expect(sections).toBeGreaterThan(0); // the report excerpt has headings
    const report = parsePassages(loadSources().find((s) => s.id === 'hmicfrs-report-2023')!.text);
    const packed = packPassages(report);
    expect(packed.sections).toEqual([...new Set(report.map((p) => p.section).filter((s) => s !== null))]);
    expect(packed.bounds).toBeInstanceOf(Uint32Array);
    expect(packed.sectionOf).toBeInstanceOf(Uint16Array);
  });

  it('keep an empty list, offsets past 16 bits, and more sections than 16 bits number', () => {
    expect(roundTrip([])).toEqual([]);
    const far: Passage[] = [{ start: 70_000, end: 4_000_000_000, section: 'Ω', heading: true }];
    expect(roundTrip(far)).toEqual(far);
    const many: Passage[] = [];
    for (let i = 0; i < 70_000; i++) many.push({ start: 2 * i, end: 2 * i + 1, section: i % 100 === 0 ? null : `s${i}`, heading: i % 2 === 0 });
    const packed = packPassages(many);
    expect(packed.sectionOf).toBeInstanceOf(Uint32Array);
    expect(roundTrip(many)).toEqual(many);
  });

  it('refuse a table whose lengths disagree, a number out of range or arrays of the wrong kind', () => {
    const good = packPassages(parsePassages(loadSources().find((s) => s.id === 'hmicfrs-report-2023')!.text));
    const n = good.headings.length;
    const damaged: [string, PackedPassages | undefined][] = [
      ['missing', undefined],
      ['a bound short', { ...good, bounds: good.bounds.subarray(1) }],
      ['a bound over', { ...good, bounds: Uint32Array.of(...good.bounds, 0) }],
      ['a heading short', { ...good, headings: good.headings.subarray(1) }],
      ['a section short', { ...good, sectionOf: good.sectionOf.subarray(1) }],
      ['a section number past the names', { ...good, sectionOf: Uint16Array.from(good.sectionOf, (x, i) => (i === n - 1 ? good.sections.length + 1 : x)) }],
      ['a name short', { ...good, sections: good.sections.slice(1) }],
      ['a heading flag 2', { ...good, headings: Uint8Array.from(good.headings, (x, i) => (i === 0 ? 2 : x)) }],
      ['plain arrays', { ...good, bounds: Array.from(good.bounds) as unknown as Uint32Array }],
      ['signed bounds', { ...good, bounds: Int32Array.from(good.bounds) as unknown as Uint32Array }],
      ['a name not a string', { ...good, sections: [...good.sections.slice(1), 7 as unknown as string] }],
    ];
    expect(() => checkPackedPassages(good)).not.toThrow();
    for (const [what, packed] of damaged) expect(() => checkPackedPassages(packed), what).toThrow();
  });

  it('pack a format-4 row’s list when every entry is a whole passage, and refuse it otherwise', () => {
    const passages = parsePassages(loadSources().find((s) => s.id === 'hmicfrs-report-2023')!.text);
    const packed = packStoredList(structuredClone(passages));
    expect(packed).toEqual(packPassages(passages));
    const one = passages[1];
    for (const bad of [
      'not a list',
      [null],
      [{ ...one, start: -1 }],
      [{ ...one, end: 1.5 }],
      [{ ...one, end: 2 ** 32 }],
      [{ ...one, heading: 1 }],
      [{ ...one, section: 3 }],
      [{ start: one.start, end: one.end, section: one.section }],
    ]) {
      expect(packStoredList(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});
