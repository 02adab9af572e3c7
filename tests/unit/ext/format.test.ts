import { describe, expect, it } from 'vitest';
import { attributionFits, firstWords, formatDate, passageLink, publisherShortName, safeHttpUrl, sourceLine } from '../../../components/format';
import type { SourceMeta } from '../../../lib/types';

const meta = (over: Partial<SourceMeta>): SourceMeta => ({
  id: 'x', type: 'report', title: 'A title', publisher: null, author: null, speaker: null, published: null,
  url: null, licence: null, coverage: null, excerpt: false, origin: 'builtin', ...over,
});

describe('source names and dates', () => {
  it('formats ISO dates the British way', () => {
    expect(formatDate('2023-12-08')).toBe('8 Dec 2023');
    expect(formatDate('2023-12')).toBe('Dec 2023');
    expect(formatDate('2023')).toBe('2023');
    expect(formatDate(null)).toBeNull();
    expect(formatDate('early December')).toBe('early December');
  });

  it('names a source by its publisher’s acronym and type', () => {
    expect(publisherShortName('His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)')).toBe('HMICFRS');
    expect(publisherShortName('National Police Chiefs’ Council (statement reproduced by vkpp.org.uk)')).toBe('NPCC');
    expect(publisherShortName('The Times')).toBe('The Times');
    expect(sourceLine(meta({ type: 'press-release', publisher: 'Inspectorate (HMICFRS)', published: '2023-12-08' }))).toBe('HMICFRS press release, 8 Dec 2023');
    expect(sourceLine(meta({ type: 'other', title: 'Notes' }))).toBe('Notes');
  });

  it('cuts long quotes to their first words', () => {
    expect(firstWords('one two three', 2)).toBe('one two…');
    expect(firstWords('one two', 2)).toBe('one two');
  });
});

describe('links', () => {
  it('opens only http(s) links', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl('https://a.example/x')).toBe('https://a.example/x');
  });

  it('deep-links to a passage with a text fragment, encoding its syntax characters', () => {
    expect(passageLink('https://a.example/x#old', 'victim-blaming language, & more')).toBe(
      'https://a.example/x#:~:text=victim%2Dblaming%20language%2C%20%26%20more',
    );
    const long = 'one two three four five six seven eight nine ten eleven twelve thirteen';
    expect(passageLink('https://a.example/', long)).toBe('https://a.example/#:~:text=one%20two%20three%20four%20five,nine%20ten%20eleven%20twelve%20thirteen');
    expect(passageLink('https://a.example/', 'one')).toBe('https://a.example/');
    expect(passageLink(null, long)).toBeNull();
  });
});

describe('attributionFits', () => {
  const release = meta({ type: 'press-release', title: 'Police not doing enough', publisher: 'Inspectorate (HMICFRS)', speaker: 'Wendy Williams, HM Inspector' });
  it('agrees when the attribution names the speaker, publisher or kind of document', () => {
    expect(attributionFits('Wendy Williams', release)).toBe(true);
    expect(attributionFits('HMICFRS', release)).toBe(true);
    expect(attributionFits('the press release', release)).toBe(true);
  });
  it('disagrees when it names something else, and has no view without an attribution', () => {
    expect(attributionFits('the report', release)).toBe(false);
    expect(attributionFits(null, release)).toBeNull();
    expect(attributionFits('said', release)).toBeNull();
  });
});
