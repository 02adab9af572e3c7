// @vitest-environment node
// The reference article's text (.txt): every gold quote, with its exact offsets, and nothing else.
import { describe, expect, it } from 'vitest';
import { detectQuotes, findAttribution, quoteContext } from '../../../lib/quotes/index';
import { countWords, isShort } from '../../../lib/text/words';
import type { Quote } from '../../../lib/types';
import { ARTICLE_TXT, GOLD } from './corpus';

const quotes = detectQuotes(ARTICLE_TXT);
const byId = (id: string): Quote => quotes[GOLD.findIndex((g) => g.id === id)];

describe('detectQuotes on the reference article', () => {
  it('finds exactly the 27 gold quotes, with their offsets and text', () => {
    expect(quotes.map((q) => ({ text: q.text, start: q.start, end: q.end }))).toEqual(
      GOLD.map((g) => ({ text: g.quote, start: g.start, end: g.end })),
    );
    for (const q of quotes) expect(ARTICLE_TXT.slice(q.start, q.end)).toBe(q.text);
  });

  it('reads the apostrophes as apostrophes (gangs’, can’t, weren’t), not as quote marks', () => {
    const gangs = ARTICLE_TXT.indexOf('grooming gangs’ ethnicity');
    expect(gangs).toBeGreaterThan(0);
    expect(quotes.some((q) => q.start <= gangs + 15 && q.end >= gangs + 14)).toBe(false);
    expect(byId('q04').text).toContain('can’t tackle');
  });

  it('nests q06 in q05', () => {
    expect(byId('q06').parent).toBe(GOLD.findIndex((g) => g.id === 'q05'));
    expect(quotes.filter((q) => q.parent !== null)).toHaveLength(1);
  });

  it('splits the British four-paragraph block into one quote per paragraph, only the last closed', () => {
    expect(['q04', 'q05', 'q07', 'q08'].map((id) => byId(id).close)).toEqual([null, null, null, '”']);
    expect(['q04', 'q05', 'q07', 'q08'].map((id) => byId(id).open)).toEqual(['“', '“', '“', '“']);
    expect(byId('q09').close).toBe('”');
  });

  it('keeps the punctuation inside the marks', () => {
    expect(byId('q16').text).toBe('inadequate.');
    expect(byId('q12').text.endsWith('heritage,')).toBe(true);
  });

  it('counts words and flags 1–3 word quotes as short', () => {
    for (const q of quotes) {
      expect(q.words).toBe(countWords(q.text));
      expect(q.short).toBe(isShort(q.words));
    }
    expect(['q01', 'q02', 'q06', 'q14', 'q15', 'q16', 'q17', 'q18', 'q24', 'q25'].every((id) => byId(id).short)).toBe(true);
    expect(byId('q19').short).toBe(false);
  });

  it('records the marks of each quote', () => {
    for (const [i, g] of GOLD.entries()) expect(quotes[i].open).toBe(g.marks[0]);
  });
});

describe('attributions on the reference article', () => {
  it('names the speaker the article gives', () => {
    expect(byId('q03').attribution).toContain('Wendy Williams');
    for (const id of ['q04', 'q05', 'q07', 'q08', 'q09']) expect(byId(id).attribution).toBe('HMICFRS');
    expect(byId('q12').attribution).toBe('the report');
    expect(byId('q13').attribution).toBe('the watchdog');
    expect(byId('q17').attribution).toBe('the watchdog');
    expect(byId('q18').attribution).toBe('The inspectors');
    expect(byId('q23').attribution).toBe('The inspectorate');
    expect(byId('q24').attribution).toContain('NPCC');
    expect(byId('q26').attribution).toContain('Ian Critchley');
    expect(byId('q27').attribution).toContain('Ian Critchley');
  });

  it('gives scare quotes and quotes without a speech cue no attribution', () => {
    for (const id of ['q01', 'q02', 'q06', 'q14', 'q15', 'q16', 'q19', 'q20', 'q21', 'q22', 'q25']) {
      expect({ id, attribution: byId(id).attribution }).toEqual({ id, attribution: null });
    }
  });

  it('gives the same answers through findAttribution, quote by quote', () => {
    quotes.forEach((q, i) => expect(findAttribution(ARTICLE_TXT, quotes, i)).toBe(q.attribution));
    expect(findAttribution(ARTICLE_TXT, quotes, 99)).toBeNull();
  });

  it('finds the q17 antecedent from scratch, without the attributions already set', () => {
    const bare = quotes.map((q) => ({ ...q, attribution: null }));
    const i = GOLD.findIndex((g) => g.id === 'q17');
    expect(findAttribution(ARTICLE_TXT, bare, i)).toBe('the watchdog');
  });
});

describe('quoteContext on the reference article', () => {
  it('gives the lead-in and the words after, without the quote marks', () => {
    const q12 = byId('q12');
    const c12 = quoteContext(ARTICLE_TXT, q12);
    expect(c12.after).toBe('the report said.');
    expect(c12.before).toContain('our sample size');

    const c03 = quoteContext(ARTICLE_TXT, byId('q03'));
    expect(c03.before).toMatch(/^Following on from this, .* more generally,$/);
    // Only a full stop is left of its paragraph, so the next paragraph's sentence follows.
    expect(c03.after).toBe('. In its report published earlier today (8th December, 2023), HMICFRS said:');
  });

  it('reaches into the neighbouring paragraph when the quote fills its own', () => {
    const c04 = quoteContext(ARTICLE_TXT, byId('q04'));
    expect(c04.before).toBe('In its report published earlier today (8th December, 2023), HMICFRS said:');
    expect(c04.after.startsWith('“In 2013, the Home Affairs')).toBe(true);
  });

  it('stays within 200 characters on each side', () => {
    for (const q of quotes) {
      const c = quoteContext(ARTICLE_TXT, q);
      expect(c.before.length).toBeLessThanOrEqual(200);
      expect(c.after.length).toBeLessThanOrEqual(200);
      expect(c.before).not.toContain(q.text);
    }
  });
});
