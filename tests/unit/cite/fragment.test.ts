// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { encodeTextDirective, textFragmentUrl } from '../../../lib/cite/fragment';

const URL_ = 'https://example.org/report';
const span = (text: string, passage: string, from = 0) => {
  const start = text.indexOf(passage, from);
  if (start < 0) throw new Error(`not in text: ${passage}`);
  return { start, end: start + passage.length };
};
const link = (text: string, passage: string, from = 0) => textFragmentUrl(URL_, text, span(text, passage, from));

describe('encodeTextDirective', () => {
  it('percent-encodes, including the directive syntax characters - & ,', () => {
    expect(encodeTextDirective('group-based')).toBe('group%2Dbased');
    expect(encodeTextDirective('Fire & Rescue')).toBe('Fire%20%26%20Rescue');
    expect(encodeTextDirective('first, second')).toBe('first%2C%20second');
    expect(encodeTextDirective('naïve – “quoted”')).toBe('na%C3%AFve%20%E2%80%93%20%E2%80%9Cquoted%E2%80%9D');
  });
});

describe('textFragmentUrl', () => {
  const doc = 'The police must act. Group-based child sexual exploitation is devastating, and Fire & Rescue services help.';

  it('links a short unique passage whole, encoded', () => {
    expect(link(doc, 'Group-based child sexual exploitation')).toBe(
      `${URL_}#:~:text=Group%2Dbased%20child%20sexual%20exploitation`,
    );
    expect(link(doc, 'devastating, and Fire & Rescue')).toBe(`${URL_}#:~:text=devastating%2C%20and%20Fire%20%26%20Rescue`);
  });

  it('encodes non-ASCII text', () => {
    const text = 'Le rapport dit : « les enquêtes sont trop lentes » et ça change.';
    expect(link(text, 'les enquêtes sont trop lentes')).toBe(`${URL_}#:~:text=les%20enqu%C3%AAtes%20sont%20trop%20lentes`);
  });

  it('uses start,end words for a long passage', () => {
    const passage = 'Group-based child sexual exploitation has a devastating effect on children and their families.';
    const text = `Foreword. ${passage} More follows.`;
    expect(link(text, passage)).toBe(
      `${URL_}#:~:text=Group%2Dbased%20child%20sexual%20exploitation,children%20and%20their%20families.`,
    );
  });

  it('adds a prefix when the passage occurs more than once', () => {
    const text = 'First the police said this needs to change. Then the minister said this needs to change.';
    const second = text.lastIndexOf('this needs to change');
    const url = textFragmentUrl(URL_, text, { start: second, end: second + 'this needs to change'.length });
    expect(url).toBe(`${URL_}#:~:text=minister%20said-,this%20needs%20to%20change`);
    // The first one is singled out by its own context.
    expect(link(text, 'this needs to change')).toBe(`${URL_}#:~:text=police%20said-,this%20needs%20to%20change`);
  });

  it('adds a suffix when the words before do not tell the places apart', () => {
    const text = 'Yes. We said it works well. Yes. We said it works badly.';
    const url = textFragmentUrl(URL_, text, span(text, 'We said it works', 10));
    expect(url).toBe(`${URL_}#:~:text=We%20said%20it%20works,-badly.`);
  });

  it('returns the plain URL when the passage is ambiguous even with context', () => {
    const text = 'the same words here. '.repeat(12);
    const mid = text.indexOf('same words', 100);
    expect(textFragmentUrl(URL_, text, { start: mid, end: mid + 'same words'.length })).toBe(URL_);
    // Inside a word is no place a browser can match either.
    expect(textFragmentUrl(URL_, 'Nothing changes here.', { start: 8, end: 14 })).toBe(URL_);
    expect(textFragmentUrl(URL_, text, { start: 3, end: 3 })).toBe(URL_);
  });

  it('matches case-insensitively and at word boundaries, as browsers do', () => {
    // "Change" elsewhere in other case counts as a repeat; "changes" does not.
    const text = 'CHANGE is hard. Nothing changes. But change happens.';
    const at = text.lastIndexOf('change');
    expect(textFragmentUrl(URL_, text, { start: at, end: at + 6 })).toBe(`${URL_}#:~:text=But-,change`);
  });

  it('lengthens the end words when they recur inside a long passage', () => {
    const passage = 'one two three four five six seven eight nine ten to the end and then ten to the end';
    const url = link(`Start. ${passage}. Stop.`, passage);
    const directive = decodeURIComponent(url.split(':~:text=')[1]);
    const [start, end] = directive.split(',');
    expect(start.startsWith('one two three four')).toBe(true);
    expect(end).toBe('then ten to the end');
  });

  it('keeps an existing fragment and replaces an existing text directive', () => {
    const text = 'alpha beta gamma delta';
    expect(textFragmentUrl('https://e.org/p#sec-2', text, span(text, 'beta gamma'))).toBe(
      'https://e.org/p#sec-2:~:text=beta%20gamma',
    );
    expect(textFragmentUrl('https://e.org/p#:~:text=old', text, span(text, 'beta gamma'))).toBe(
      'https://e.org/p#:~:text=beta%20gamma',
    );
    expect(textFragmentUrl('https://e.org/p?q=1', text, span(text, 'beta gamma'))).toBe('https://e.org/p?q=1#:~:text=beta%20gamma');
  });

  it('collapses line breaks and paragraph gaps to spaces', () => {
    const text = 'para one ends here.\n\nPara two\nstarts here.';
    expect(link(text, 'here.\n\nPara two')).toBe(`${URL_}#:~:text=here.%20Para%20two`);
  });

  it('links a passage of the real HMICFRS report', () => {
    const text = readFileSync('tests/fixtures/corpus/sources/hmicfrs-report-2023.txt', 'utf8');
    const url = link(text, 'This needs to change.');
    expect(url.startsWith(`${URL_}#:~:text=`)).toBe(true);
    const d = decodeURIComponent(url.split(':~:text=')[1]);
    const needle = d.replace(/-,/, ' ').toLowerCase();
    expect(text.replace(/\s+/g, ' ').toLowerCase().split(needle).length - 1).toBe(1);
  });
});
