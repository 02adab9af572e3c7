import { describe, expect, it } from 'vitest';
import { matchKey, tokenize, punctuationBetween, casedForm } from '../../../lib/text/tokenize';
import { foldSpelling } from '../../../lib/text/spelling';
import { numberKey } from '../../../lib/text/numbers';
import { lightStem } from '../../../lib/text/stopwords';

const forms = (t: string) => tokenize(t).map((x) => x.form);
const keys = (t: string) => tokenize(t).map((x) => x.key);

describe('tokenize', () => {
  it('gives each word its original offsets', () => {
    const text = 'The police can’t tackle them alone.';
    const toks = tokenize(text);
    expect(toks.map((t) => text.slice(t.start, t.end))).toEqual(['The', 'police', 'can’t', 'tackle', 'them', 'alone']);
  });

  it('keeps apostrophe words whole and equal across glyphs', () => {
    expect(keys('can’t')).toEqual(keys("can't"));
    expect(forms('forces’ response')).toEqual(['forces', 'response']);
  });

  it('splits hyphens and slashes, so victim-blaming and victim blaming have the same words', () => {
    expect(keys('victim-blaming')).toEqual(keys('victim blaming'));
    expect(keys('and/or')).toEqual(['and', 'or']);
  });

  it('keeps grouped and decimal numbers whole', () => {
    expect(forms('1,200 children and 2.5 per cent')).toEqual(['1,200', 'children', 'and', '2.5', 'per', 'cent']);
  });

  it('merges hyphenated compound numbers', () => {
    const t = tokenize('twenty-seven investigations');
    expect(t).toHaveLength(2);
    expect(t[0].key).toBe('27');
    expect(keys('twenty-first century')).toEqual(keys('21st century'));
  });

  it('maps a PDF line-break hyphenation back over the break', () => {
    const text = 'to prevent and investi-\ngation';
    const last = tokenize(text).at(-1)!;
    expect(last.form).toBe('investigation');
    expect(text.slice(last.start, last.end)).toBe('investi-\ngation');
  });

  it('punctuationBetween ignores spaces and quote marks but keeps other punctuation', () => {
    expect(punctuationBetween('a “b', 1, 3)).toBe('');
    expect(punctuationBetween('a, b', 1, 3)).toBe(',');
    expect(punctuationBetween('a-b', 1, 2)).toBe('-');
    expect(casedForm('The ’Police', 4, 11)).toBe("'Police");
  });
});

describe('matching keys', () => {
  it.each([
    ['labour', 'labor'],
    ['organise', 'organize'],
    ['organisation', 'organization'],
    ['Organised', 'organized'],
    ['programme', 'program'],
    ['centre', 'center'],
    ['centred', 'centered'],
    ['defence', 'defense'],
    ['analyse', 'analyze'],
    ['travelled', 'traveled'],
    ['catalogue', 'catalog'],
    ['grey', 'gray'],
    ['favourite', 'favorite'],
    ['paedophiles', 'pedophiles'],
    ['prioritise', 'prioritize'],
    ['recognised', 'recognized'],
    ['enquiry', 'inquiry'],
    ['10', 'ten'],
    ['1,200', '1200'],
    ['first', '1st'],
    ['Nine', '9'],
  ])('%s and %s share a key', (a, b) => {
    expect(keys(a)).toEqual(keys(b));
  });

  it.each([
    ['four', 'for'],
    ['tour', 'tor'],
    ['our', 'or'],
    ['your', 'yor'],
    ['hour', 'hor'],
    ['prise', 'prize'],
    ['filled', 'filed'],
    ['promise', 'promize'],
    ['wise', 'wize'],
    ['ten', '11'],
  ])('%s and %s stay apart', (a, b) => {
    expect(matchKey(a)).not.toBe(matchKey(b));
  });

  it('keeps words that merely look like spelling variants', () => {
    expect(foldSpelling('exercise')).toBe('exercise');
    expect(foldSpelling('four')).toBe('four');
    expect(foldSpelling('constructor')).toBe('constructor');
    expect(numberKey('constructor')).toBeNull();
    expect(matchKey('hasOwnProperty'.toLowerCase())).toBe('hasownproperty');
  });

  it('strips accents from keys but not from forms', () => {
    const [t] = tokenize('café');
    expect(t.form).toBe('café');
    expect(t.key).toBe(matchKey('cafe'));
  });

  it('light stemming folds plurals and -ing/-ed for context only', () => {
    expect(lightStem('numbers')).toBe(lightStem('number'));
    expect(lightStem('reports')).toBe(lightStem('report'));
    expect(lightStem('highlighted')).toBe(lightStem('highlights'));
  });
});
