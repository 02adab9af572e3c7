// @vitest-environment node
// The quote-mark state machine: each mark style, apostrophes, nesting, unclosed quotes, and the
// spans that markup gives (<q>, <blockquote>).
import { describe, expect, it } from 'vitest';
import { detectQuotes } from '../../../lib/quotes/index';
import type { Quote } from '../../../lib/types';

const texts = (text: string): string[] => detectQuotes(text).map((q) => q.text);
const marks = (q: Quote): [string, string | null] => [q.open, q.close];

describe('mark styles', () => {
  it.each([
    ['curly double', 'He said “we will go” today.', '“', '”'],
    ['curly single', 'He said ‘we will go’ today.', '‘', '’'],
    ['straight double', 'He said "we will go" today.', '"', '"'],
    ['straight single', "He said 'we will go' today.", "'", "'"],
    ['guillemets', 'Il a dit «nous irons» hier.', '«', '»'],
    ['French guillemets with spaces', 'Il a dit « nous irons » hier.', '«', '»'],
    ['reversed guillemets', 'Er sagte »wir gehen« heute.', '»', '«'],
    ['German low-high', 'Er sagte „wir gehen“ heute.', '„', '“'],
    ['Polish low-high', 'Powiedział „pójdziemy” dziś.', '„', '”'],
    ['German single low-high', 'Er sagte ‚wir gehen‘ heute.', '‚', '‘'],
    ['single guillemets', 'Il a dit ‹nous irons› hier.', '‹', '›'],
    ['Swedish same-mark', 'Han sa ”vi går” idag.', '”', '”'],
  ])('%s', (_name, text, open, close) => {
    const [q] = detectQuotes(text);
    expect(detectQuotes(text)).toHaveLength(1);
    expect(q.text).toMatch(/^(we will go|nous irons|wir gehen|pójdziemy|vi går)$/);
    expect(marks(q)).toEqual([open, close]);
    expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it('trims whitespace inside the marks and moves the offsets with it', () => {
    const text = 'Il a dit « nous irons » hier.';
    const [q] = detectQuotes(text);
    expect(q.text).toBe('nous irons');
    expect(q.start).toBe(text.indexOf('nous'));
  });

  it('keeps punctuation inside the marks', () => {
    expect(texts('They were “inadequate.” Then “why?” and “so,” he said.')).toEqual(['inadequate.', 'why?', 'so,']);
  });

  it('reads straight double quotes by context, several to a paragraph', () => {
    expect(texts('"One," she said, "two." And "three"')).toEqual(['One,', 'two.', 'three']);
    expect(texts('He is 6" tall and "fine".')).toEqual(['fine']);
    expect(texts('She wrote,"no spaces here," and left.')).toEqual(['no spaces here,']);
  });

  it('a straight mark between non-spaces does not close a curly quote (quoted markup)', () => {
    const text = 'He said “<img src=x onerror="alert(1)"> was sent” to us.';
    expect(texts(text)[0]).toBe('<img src=x onerror="alert(1)"> was sent');
    // A curly quote typed carelessly still closes with a straight mark at a word's end.
    expect(texts('She said “this is fine" and left.')).toEqual(['this is fine']);
  });

  it('ignores empty quotes and quotes without letters or digits', () => {
    expect(texts('Empty “” and “   ” and “…” and "--" and ‘?’ here.')).toEqual([]);
    expect(texts('A digit “7” counts.')).toEqual(['7']);
  });
});

describe('apostrophes', () => {
  it('inside words', () => {
    expect(texts('The police can’t, won’t and didn’t; O’Brien’s dog.')).toEqual([]);
    expect(texts("The police can't, won't and didn't; O'Brien's dog.")).toEqual([]);
  });

  it('at the end of plural words', () => {
    expect(texts('What do we know about grooming gangs’ ethnicity?')).toEqual([]);
    expect(texts('The forces’ data and the officers’ unions.')).toEqual([]);
    expect(texts("The students' work was marked.")).toEqual([]);
  });

  it('at the start of elided words and years', () => {
    expect(texts('Back in the ’90s, rock ’n’ roll was ’em all.')).toEqual([]);
    expect(texts("Back in the '90s, rock 'n' roll ruled.")).toEqual([]);
    expect(texts('In the ‘90s it was fine.')).toEqual([]);
  });

  it('inside a single-quoted quote', () => {
    expect(texts('She said ‘we can’t go’ and left.')).toEqual(['we can’t go']);
    expect(texts("She said 'we can't go' and left.")).toEqual(["we can't go"]);
  });

  it('a plural possessive inside a single-quoted quote does not end it', () => {
    expect(texts('‘Police forces’ data is poor,’ he said.')).toEqual(['Police forces’ data is poor,']);
    expect(texts("'The students' work is good,' she said.")).toEqual(["The students' work is good,"]);
    expect(texts('‘Police forces’ data is poor’ he said.')).toEqual(['Police forces’ data is poor']);
  });

  it('a scare quote that ends on -s still ends there', () => {
    expect(texts('The ‘grooming gangs’ issue and the gangs’ members.')).toEqual(['grooming gangs']);
    expect(texts('About ‘grooming gangs’, despite it.')).toEqual(['grooming gangs']);
    expect(texts('The ‘grooming gangs’ issue, and a ‘second’ one.')).toEqual(['grooming gangs', 'second']);
  });

  it('a plural possessive inside a double-quoted quote leaves the outer quote alone', () => {
    const quotes = detectQuotes('“He said ‘the gangs’ members are many’ and left,” she said.');
    expect(quotes.map((q) => q.text)).toEqual(['He said ‘the gangs’ members are many’ and left,', 'the gangs’ members are many']);
    expect(quotes[1].parent).toBe(0);
  });
});

describe('nesting', () => {
  it('reports the inner quote with its parent', () => {
    const quotes = detectQuotes('He said “they called it a ‘large-scale problem’, which grew” today.');
    expect(quotes.map((q) => q.text)).toEqual(['they called it a ‘large-scale problem’, which grew', 'large-scale problem']);
    expect(quotes.map((q) => q.parent)).toEqual([null, 0]);
  });

  it('three levels, and siblings', () => {
    const quotes = detectQuotes('“A ‘B “C” b’ and ‘D’ a”');
    expect(quotes.map((q) => q.text)).toEqual(['A ‘B “C” b’ and ‘D’ a', 'B “C” b', 'C', 'D']);
    expect(quotes.map((q) => q.parent)).toEqual([null, 0, 1, 0]);
  });

  it('straight marks inside curly ones', () => {
    const quotes = detectQuotes('“He said "no" to it,” she said.');
    expect(quotes.map((q) => [q.text, q.parent])).toEqual([['He said "no" to it,', null], ['no', 0]]);
  });

  it('drops an inner quote that never closed when its outer quote closes', () => {
    expect(texts('“He said ‘no and left.” Then more.')).toEqual(['He said ‘no and left.']);
  });
});

describe('unclosed quotes and paragraphs', () => {
  it('ends an unclosed quote at its paragraph end', () => {
    const [q] = detectQuotes('He said: “we will go and never come back.  \nNext paragraph.');
    expect(q.text).toBe('we will go and never come back.');
    expect(q.close).toBeNull();
  });

  it('a British multi-paragraph quotation: one quote per paragraph, only the last closed', () => {
    const text = 'She said:\n“First part.\n“Second part.\n“Third part.”\nAfter.';
    const quotes = detectQuotes(text);
    expect(quotes.map((q) => [q.text, q.close])).toEqual([
      ['First part.', null],
      ['Second part.', null],
      ['Third part.', '”'],
    ]);
  });

  it('a closing mark never reaches back into an earlier paragraph', () => {
    expect(texts('Here “one\ntwo” three.')).toEqual(['one']);
  });

  it('a lone straight apostrophe-like mark at a paragraph end is not a quote', () => {
    expect(texts("rock 'n roll\n'tis the season")).toEqual([]);
  });
});

describe('explicit <q> and <blockquote> spans', () => {
  it('a <q> span is a quote', () => {
    const text = 'The minister said we will win and left.';
    const start = text.indexOf('we will win');
    const [q] = detectQuotes(text, [{ start, end: start + 'we will win'.length, kind: 'q' }]);
    expect(q).toMatchObject({ text: 'we will win', start, open: '<q>', close: '</q>', parent: null });
  });

  it('a blockquote is a quote, trimmed', () => {
    const text = 'Intro.\n The whole passage here. \nAfter.';
    const start = text.indexOf(' The whole');
    const quotes = detectQuotes(text, [{ start, end: text.indexOf('\nAfter'), kind: 'blockquote' }]);
    expect(quotes.map((q) => [q.text, q.open])).toEqual([['The whole passage here.', '<blockquote>']]);
  });

  it('a blockquote whose words are all inside marks is not reported twice', () => {
    const text = 'Intro:\n“First part.\n“Second part.”\nAfter.';
    const start = text.indexOf('“First');
    const end = text.indexOf('\nAfter');
    const quotes = detectQuotes(text, [{ start, end, kind: 'blockquote' }]);
    expect(quotes.map((q) => q.text)).toEqual(['First part.', 'Second part.']);
  });

  it('a blockquote holding a quote with marks and other words: both, nested', () => {
    const text = 'He wrote “this” and left.';
    const quotes = detectQuotes(text, [{ start: 0, end: text.length, kind: 'blockquote' }]);
    expect(quotes.map((q) => [q.text, q.parent])).toEqual([[text, null], ['this', 0]]);
  });

  it('a <q> that wraps a marked quote yields one quote', () => {
    const text = 'He said “hello” then.';
    const quotes = detectQuotes(text, [{ start: 8, end: 15, kind: 'q' }]);
    expect(quotes.map((q) => [q.text, q.open])).toEqual([['hello', '“']]);
  });

  it('ignores spans outside the text, reversed or empty', () => {
    const text = 'Short text.';
    expect(detectQuotes(text, [
      { start: -1, end: 4, kind: 'q' },
      { start: 4, end: 2, kind: 'q' },
      { start: 3, end: 99, kind: 'q' },
      { start: 5, end: 6, kind: 'q' },
      { start: 1.5, end: 4, kind: 'q' },
    ])).toEqual([]);
  });
});

describe('output', () => {
  it('sorts quotes by start, outer before inner', () => {
    const quotes = detectQuotes('“a ‘b’ c” then “d” and ‘e’');
    const starts = quotes.map((q) => q.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect(quotes.map((q) => q.text)).toEqual(['a ‘b’ c', 'b', 'd', 'e']);
  });

  it('says nothing about text without marks', () => {
    expect(detectQuotes('')).toEqual([]);
    expect(detectQuotes('Plain words only.\n\nAnd more.')).toEqual([]);
  });
});
