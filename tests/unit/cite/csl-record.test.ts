// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { SourceMeta } from '../../../lib/types';
import { cslRecord, personOrLiteral, splitPublisher, cslDate } from '../../../lib/cite/csl-record';

const meta = (id: string): SourceMeta => ({
  excerpt: true,
  origin: 'builtin',
  ...JSON.parse(readFileSync(`tests/fixtures/corpus/sources/${id}.json`, 'utf8')),
});

describe('splitPublisher', () => {
  it('takes a trailing abbreviation off the name', () => {
    expect(splitPublisher('His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)')).toEqual({
      name: 'His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services',
      abbreviation: 'HMICFRS',
      venue: null,
      remark: null,
    });
  });
  it('keeps what follows the abbreviation as the venue', () => {
    expect(splitPublisher('National Police Chiefs’ Council (NPCC) newsroom')).toMatchObject({
      name: 'National Police Chiefs’ Council',
      abbreviation: 'NPCC',
      venue: 'NPCC newsroom',
    });
  });
  it('treats a parenthetical remark as a remark, not an abbreviation', () => {
    const p = splitPublisher('National Police Chiefs’ Council (statement reproduced by the VKPP, vkpp.org.uk)');
    expect(p.name).toBe('National Police Chiefs’ Council');
    expect(p.abbreviation).toBeNull();
    expect(p.remark).toBe('statement reproduced by the VKPP, vkpp.org.uk');
  });
  it('leaves a plain name alone', () => {
    expect(splitPublisher('Home Office')).toEqual({ name: 'Home Office', abbreviation: null, venue: null, remark: null });
  });
});

describe('cslRecord', () => {
  it('makes the HMICFRS report a report by its institutional author', () => {
    const item = cslRecord(meta('hmicfrs-report-2023'), { accessed: '2024-01-15' });
    expect(item).toMatchObject({
      id: 'hmicfrs-report-2023',
      type: 'report',
      author: [{ literal: 'His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services' }],
      publisher: 'HMICFRS',
      issued: { 'date-parts': [[2023, 12, 8]] },
      accessed: { 'date-parts': [[2024, 1, 15]] },
      custom: { publisherIsAuthor: true, authorAbbreviation: 'HMICFRS' },
    });
    expect(item.title.startsWith('An inspection of the effectiveness')).toBe(true);
  });
  it('makes the press release a web page with genre “Press release” on its issuer’s site', () => {
    const item = cslRecord(meta('hmicfrs-press-release-2023'));
    expect(item).toMatchObject({ type: 'webpage', genre: 'Press release', 'container-title': 'HMICFRS' });
    expect(item.publisher).toBeUndefined();
    expect(item.accessed).toBeUndefined(); // no access date given
  });
  it('keeps the NPCC statements’ publishing notes and venues', () => {
    const vkpp = cslRecord(meta('npcc-meta-e2ee-2023'));
    expect(vkpp.author).toEqual([{ literal: 'National Police Chiefs’ Council' }]);
    expect(vkpp.issued).toBeUndefined();
    expect(vkpp.note).toMatch(/reproduced by the Vulnerability Knowledge and Practice Programme/);
    const newsroom = cslRecord(meta('npcc-response-2023'));
    expect(newsroom['container-title']).toBe('NPCC newsroom');
    expect(newsroom.genre).toBe('Statement');
  });
  it('uses a personal author, and a speech’s speaker, over the publisher', () => {
    const base = meta('hmicfrs-report-2023');
    expect(cslRecord({ ...base, author: 'Wendy Williams' }).author).toEqual([{ given: 'Wendy', family: 'Williams' }]);
    expect(cslRecord({ ...base, author: 'Wendy Williams and Andy Cooke' }).author).toHaveLength(2);
    const speech = cslRecord({ ...base, type: 'speech', speaker: 'Wendy Williams, His Majesty’s Inspector of Constabulary' });
    expect(speech.type).toBe('speech');
    expect(speech.author).toEqual([{ given: 'Wendy', family: 'Williams' }]);
    expect(speech.custom).toBeUndefined();
  });
  it('reads partial dates and ignores bad ones', () => {
    expect(cslDate('2023-12')).toEqual({ 'date-parts': [[2023, 12]] });
    expect(cslDate('2023')).toEqual({ 'date-parts': [[2023]] });
    expect(cslDate('December 2023')).toBeUndefined();
  });
  it('tells people from organisations', () => {
    expect(personOrLiteral('Ursula von der Leyen')).toEqual({ given: 'Ursula', family: 'von der Leyen' });
    expect(personOrLiteral('Williams, Wendy')).toEqual({ family: 'Williams', given: 'Wendy' });
    expect(personOrLiteral('Home Office')).toEqual({ literal: 'Home Office' });
    expect(personOrLiteral('UNICEF')).toEqual({ literal: 'UNICEF' });
  });
});
