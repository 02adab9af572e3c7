import { describe, expect, it } from 'vitest';
import { LibraryIndex, checkQuote } from '../../../lib/match';
import { articleContext, Attribution, attributionScore, ContextStems } from '../../../lib/match/context';
import type { Source } from '../../../lib/types';
import { loadSources } from './corpus';

const sources = loadSources();
const byId = (id: string) => sources.find((s) => s.id === id)!;
const index = LibraryIndex.fromSources(sources);

describe('attribution', () => {
  it('understands how articles name these sources', () => {
    expect(attributionScore('the report', byId('hmicfrs-report-2023'))).toBeGreaterThan(0);
    expect(attributionScore('the report', byId('npcc-response-2023'))).toBe(0);
    for (const who of ['the watchdog', 'The inspectorate', 'the inspectors', 'HMICFRS']) {
      expect(attributionScore(who, byId('hmicfrs-press-release-2023'))).toBeGreaterThan(0);
      expect(attributionScore(who, byId('npcc-meta-e2ee-2023'))).toBe(0);
    }
    for (const who of ['police chiefs', 'The National Police Chiefs Council (NPCC)']) {
      expect(attributionScore(who, byId('npcc-response-2023'))).toBeGreaterThan(0);
      expect(attributionScore(who, byId('hmicfrs-report-2023'))).toBe(0);
    }
    expect(attributionScore('Deputy Chief Constable Ian Critchley', byId('npcc-response-2023'))).toBeGreaterThan(0);
    expect(attributionScore('Wendy Williams', byId('hmicfrs-press-release-2023'))).toBeGreaterThan(0);
    expect(attributionScore(null, byId('hmicfrs-report-2023'))).toBe(0);
  });

  it('scores each source from stems kept with it as from its metadata read afresh, and follows edits', () => {
    // A fresh copy of the source has nothing kept for it: its stems are made from its metadata now.
    const plainScore = (said: string, src: Source) => new Attribution(said).score({ ...src });
    const said = ['the report', 'HMICFRS', 'Wendy Williams', 'police chiefs', 'Ian Critchley of the NPCC', 'the inspectorate report on child sexual exploitation', 'a spokesperson'];
    for (let round = 0; round < 2; round++) {
      for (const src of sources) for (const who of said) expect(new Attribution(who).score(src)).toBe(plainScore(who, src));
    }
    // The same source object edited: the stems kept for it are made again.
    const edited: Source = { ...byId('npcc-meta-e2ee-2023') };
    const asked = new Attribution('Wendy Williams');
    expect(asked.score(edited)).toBe(0);
    for (const field of ['publisher', 'speaker', 'author'] as const) {
      const before = edited[field];
      edited[field] = 'Wendy Williams';
      expect(asked.score(edited)).toBe(plainScore('Wendy Williams', edited));
      expect(asked.score(edited)).toBeGreaterThan(0);
      edited[field] = before;
      expect(asked.score(edited)).toBe(0);
    }
    edited.title = 'What Wendy Williams said';
    expect(asked.score(edited)).toBe(plainScore('Wendy Williams', edited));
    expect(asked.score(edited)).toBeGreaterThan(0);
  });

  it('one topic word shared with a title is not an attribution', () => {
    // The press release's title starts "Police not doing enough…".
    expect(attributionScore('the police', byId('hmicfrs-press-release-2023'))).toBe(0);
  });

  it('decides between equal matches in two sources', () => {
    const text = 'Group-based child sexual exploitation has a devastating effect on children and their families.';
    expect(checkQuote(index, { text, attribution: 'the report' }).match?.sourceId).toBe('hmicfrs-report-2023');
    expect(checkQuote(index, { text, attribution: 'Wendy Williams' }).match?.sourceId).toBe('hmicfrs-press-release-2023');
    const both = checkQuote(index, { text, attribution: 'Wendy Williams' });
    expect(both.alsoIn).toEqual([expect.objectContaining({ sourceId: 'hmicfrs-report-2023', verdict: 'verbatim' })]);
  });
});

describe('short quotes and context', () => {
  it('a two-word phrase is found when a nearby content word of the article recurs near it', () => {
    const r = checkQuote(index, {
      text: 'victim blaming',
      before: 'Forces were criticised because some senior officers used',
      after: 'language and failed to see it as a cultural issue.',
    });
    expect(r.verdict).toBe('minor');
    expect(r.match?.sourceId).toBe('hmicfrs-press-release-2023');
  });

  it('a one-word quote needs a context word close on both sides', () => {
    const near = checkQuote(index, { text: 'devastating', after: 'effect on children, it said' });
    expect(near.verdict).toBe('verbatim');
    const far = checkQuote(index, {
      text: 'devastating',
      // "effect" recurs, but seven words away in the article: enough for a phrase, not for one word.
      after: 'was how one campaigner described the effect',
    });
    expect(far.verdict).toBe('not_found');
    // A phrase may have its context further away, but one shared word is not enough: common
    // phrases recur by chance next to any single word in a large library.
    const oneWord = checkQuote(index, { text: 'a devastating', after: 'was how one campaigner described the effect' });
    expect(oneWord.verdict).toBe('not_found');
    const phrase = checkQuote(index, { text: 'a devastating', after: 'was how one campaigner described the effect on children' });
    expect(phrase.verdict).toBe('verbatim');
  });

  it('short quotes are never altered: a changed word is simply not found', () => {
    const r = checkQuote(index, { text: 'staggering amounts', after: 'of reports coming from social media companies', attribution: 'NPCC' });
    expect(r.verdict).toBe('not_found');
  });
});

describe('context stems', () => {
  it('reads a context word’s stem afresh once the library gains words', () => {
    const grown = LibraryIndex.fromSources([byId('hmicfrs-press-release-2023')]);
    const before = 'the zyzzogetons said';
    expect(ContextStems.of(before, '', 10, grown.lexicon).empty).toBe(true); // no source has the word
    grown.add({ ...byId('npcc-response-2023'), id: 'with-new-word', text: 'A zyzzogeton spoke of forces.' });
    const after = ContextStems.of(before, '', 10, grown.lexicon);
    expect(after.empty).toBe(false);
    expect(after).toEqual(ContextStems.fromContext(articleContext(before, '', 10), grown.lexicon));
  });
});
