// @vitest-environment node
// Attribution cues: who the article says said each quote.
import { describe, expect, it } from 'vitest';
import { detectQuotes, findAttribution } from '../../../lib/quotes/index';

const who = (text: string): (string | null)[] => detectQuotes(text).map((q) => q.attribution);

describe('cues before the quote', () => {
  it.each([
    ['The inspectorate said: “Victim-blaming language is wrong.”', 'The inspectorate'],
    ['Wendy Williams says “the pace of change needs to increase”.', 'Wendy Williams'],
    ['An inspector, Wendy Williams, says of the police, more generally, “the pace must increase”.', 'Wendy Williams'],
    ['According to the report, “most forces were slow”.', 'the report'],
    ['The minister adds: “We will act.”', 'The minister'],
    ['By contrast, HMICFRS found, of the cases it inspected, “most offenders were white”.', 'HMICFRS'],
    ['The NPCC accepts that there is still a problem with “victim blaming”.', 'The NPCC'],
    ['The watchdog also raised concerns about “victim blaming” by the police.', 'The watchdog'],
    ['The report, which was published today, warned that “risk is missed”.', 'The report'],
    ['In 1990, Lincoln told Congress that “the union must hold”.', 'Lincoln'],
    ['In the 1990 address, Lincoln went on: “the union must hold”.', 'Lincoln'],
    ['Deputy Chief Constable Ian Critchley has said “we will not be complacent”.', 'Deputy Chief Constable Ian Critchley'],
    ['And the report said “nothing changed”.', 'the report'],
  ])('%s', (text, expected) => {
    expect(who(text)).toEqual([expected]);
  });

  it('a paragraph ending in a colon introduces the quote paragraph after it', () => {
    const text = 'In its report published today (8th December, 2023), HMICFRS said:\n“It cannot be overstated.”';
    expect(who(text)).toEqual(['HMICFRS']);
  });
});

describe('cues after the quote', () => {
  it.each([
    ['“We know the problem is wide,” the report said.', 'the report'],
    ['“Data might be inaccurate,” the watchdog reported.', 'the watchdog'],
    ['“We will win,” said Jane Doe, the party leader.', 'Jane Doe'],
    ['“We will win,” said the President in a speech.', 'the President'],
    ['“Most forces were slow”, according to the inspectorate.', 'the inspectorate'],
    ['“We will win,” Doe told reporters.', 'Doe'],
    ['“It is over.” Wendy Williams, HM Inspector, said.', 'Wendy Williams'],
  ])('%s', (text, expected) => {
    expect(who(text)).toEqual([expected]);
  });
});

describe('no attribution', () => {
  it.each([
    ['a scare quote in a finding', 'The watchdog found that the police still do not have an accurate understanding of ‘grooming gangs’, despite years of concern.'],
    ['a scare quote far from any cue', 'The watchdog also found most offenders were white, despite the concerns of leading politicians about ‘Asian grooming gangs’.'],
    ['a passive description', 'A missing child was described as “medium-risk due to age”.'],
    ['a passive "had been raised"', 'A note said concerns had been raised due to “her general proclivity”.'],
    ['a grade', 'Nine were assessed as “good”, fourteen as “requiring improvement”.'],
    ['a noun, not a verb', 'His claims about “staggering” numbers.'],
    ['an adjective in a noun phrase', 'A “staggering” number of reports are received every month.'],
    ['nobody in particular', 'Nobody on the campaign trail says “reform” with a straight face.'],
  ])('%s', (_name, text) => {
    expect(who(text).every((a) => a === null)).toBe(true);
  });
});

describe('carrying a name forward', () => {
  it('a pronoun subject takes the most recent named attribution', () => {
    const text =
      '“Data might be inaccurate,” the watchdog reported.\nIt recommended a new way of tracking abuse.\nOf the cases, nine were “good”.\nIt also raised concerns about “victim blaming” by the police.';
    expect(who(text)).toEqual(['the watchdog', null, 'the watchdog']);
  });

  it('“he added” after a named speaker', () => {
    expect(who('“We will win,” said Jane Doe. “And soon,” he added.')).toEqual(['Jane Doe', 'Jane Doe']);
    expect(who('Jane Doe said “we will win”, and she said “soon”.')).toEqual(['Jane Doe', 'Jane Doe']);
  });

  it('a pronoun with no name before it has no attribution', () => {
    expect(who('It also said “our sample size isn’t representative”.')).toEqual([null]);
  });
});

describe('quotation blocks', () => {
  it('the paragraphs of a British block share its attribution, and a closing quote paragraph after it too', () => {
    const text =
      'The inspectorate said:\n“First paragraph of it.\n“Second paragraph, with a ‘term’ in it.\n“Last paragraph.”\n“A further quote.”\nUnrelated prose with “another” term.';
    const quotes = detectQuotes(text);
    expect(quotes.map((q) => [q.text, q.attribution])).toEqual([
      ['First paragraph of it.', 'The inspectorate'],
      ['Second paragraph, with a ‘term’ in it.', 'The inspectorate'],
      ['term', null],
      ['Last paragraph.', 'The inspectorate'],
      ['A further quote.', 'The inspectorate'],
      ['another', null],
    ]);
  });

  it('a quote paragraph after a quote with its own cue continues that speaker', () => {
    expect(who('“We will win,” said Jane Doe.\n“And soon.”')).toEqual(['Jane Doe', 'Jane Doe']);
  });

  it('a blockquote after “X said:”', () => {
    const text = 'Lincoln said:\nThe union must hold.\nAfter.';
    const start = text.indexOf('The union');
    expect(detectQuotes(text, [{ start, end: start + 20, kind: 'blockquote' }]).map((q) => q.attribution)).toEqual(['Lincoln']);
  });
});

describe('findAttribution', () => {
  it('answers for one quote as detectQuotes does', () => {
    const text = '“We will win,” said Jane Doe. “And soon,” he added.';
    const quotes = detectQuotes(text);
    expect(findAttribution(text, quotes, 1)).toBe('Jane Doe');
    expect(findAttribution(text, quotes, -1)).toBeNull();
    expect(findAttribution(text, quotes, 2)).toBeNull();
  });
});
