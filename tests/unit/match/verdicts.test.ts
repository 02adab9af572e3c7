// One synthetic case (at least) per verdict, built from the source excerpts.
import { describe, expect, it } from 'vitest';
import { LibraryIndex, checkQuote } from '../../../lib/match';
import type { QuoteCheck, Verdict } from '../../../lib/types';
import { loadSources } from './corpus';

const sources = loadSources();
const index = LibraryIndex.fromSources(sources);
const REPORT = 'hmicfrs-report-2023';
const reportText = index.source(REPORT)!.text;

function check(text: string): QuoteCheck {
  return checkQuote(index, { text });
}

function expectVerdict(text: string, verdict: Verdict, sourceId = REPORT): QuoteCheck {
  const r = check(text);
  expect({ text, verdict: r.verdict }).toEqual({ text, verdict });
  if (verdict !== 'not_found') expect(r.match?.sourceId).toBe(sourceId);
  return r;
}

const FAITHFUL: Verdict[] = ['verbatim', 'minor', 'elided'];

describe('verbatim', () => {
  it('an exact span is verbatim at its offsets, with its paragraph and section', () => {
    const span = 'The police must make it a priority to make sure that victims feel heard.';
    const r = expectVerdict(span, 'verbatim');
    const start = reportText.indexOf(span);
    expect(r.match?.start).toBe(start);
    expect(r.match?.end).toBe(start + span.length - 1); // the full stop is edge punctuation
    expect(r.match?.original).toBe(span.slice(0, -1));
    expect(r.match?.section).toBe('Foreword');
    expect(r.match?.context.startsWith('Over the years, the police')).toBe(true);
    expect(reportText.slice(r.match!.contextStart, r.match!.contextStart + r.match!.context.length)).toBe(r.match!.context);
    expect(r.match?.similarity).toBe(1);
    expect(r.match?.diff).toEqual([{ op: 'equal', quote: span.slice(0, -1), source: span.slice(0, -1) }]);
    expect(r.match?.page).toBeNull();
    expect(r.match?.sourceEnds).toBe(false);
  });

  it('quote-mark style, apostrophe glyphs, whitespace, first-letter case and edge punctuation do not matter', () => {
    for (const text of [
      'we also found that the police, law enforcement bodies and the Government still didn\'t have a full understanding',
      '“We also found that the police, law enforcement bodies and the Government still didn’t have a full understanding.”',
      '  We also found that the police,   law enforcement bodies and the Government\nstill didn’t have a full understanding…',
      "as part of its annual 'Strategic Assessment of Serious and Organised Crime'",
    ]) {
      expectVerdict(text, 'verbatim');
    }
  });

  it('finds a span that occurs in two sources in both', () => {
    const r = check('Group-based child sexual exploitation has a devastating effect on children and their families.');
    expect(r.verdict).toBe('verbatim');
    const ids = [r.match!.sourceId, ...r.alsoIn.map((a) => a.sourceId)].sort();
    expect(ids).toEqual(['hmicfrs-press-release-2023', REPORT]);
    expect(r.alsoIn[0].verdict).toBe('verbatim');
  });
});

describe('minor', () => {
  it('hyphenation: victim blaming for victim-blaming', () => {
    expectVerdict(
      'HMICFRS also found a number of examples of victim blaming language, with some senior officers failing',
      'minor',
      'hmicfrs-press-release-2023',
    );
  });

  it('spelling: organization for organisation', () => {
    expectVerdict('as part of its annual Strategic Assessment of Serious and Organized Crime', 'minor');
  });

  it('numerals: 9 for nine, one for 1, 1,200 for 1200', () => {
    expectVerdict('we identify one area for improvement and make 9 recommendations that are intended to support the work', 'minor');
    expectVerdict('The assessment should use the agreed definition of group-based child sexual exploitation from our recommendation one', 'minor');
    expectVerdict('safeguards on average 1,200 children a month in relation to child sexual exploitation', 'minor', 'npcc-meta-e2ee-2023');
    // A number written differently in words is not folded: a changed word.
    expectVerdict('On average policing arrests eight hundred suspected offenders a month', 'altered', 'npcc-meta-e2ee-2023');
  });

  it('punctuation inside the quote', () => {
    expectVerdict('It shouldn’t be underestimated how complex and challenging these crimes are to prevent and investigate and the police can’t tackle them alone', 'minor');
  });

  it('letter case inside the quote', () => {
    expectVerdict('The police MUST make it a priority to make sure that victims feel heard', 'minor');
  });
});

describe('altered', () => {
  // From: 'The police must make it a priority to make sure that victims feel heard.'
  it.each([
    ['substituted', 'The police must make it a priority to make certain that victims feel heard.'],
    ['added', 'The police must really make it a priority to make sure that victims feel heard.'],
    ['dropped', 'The police must make it a priority to make sure victims feel heard.'],
    ['last word changed', 'The police must make it a priority to make sure that victims feel listened.'],
    ['first word added', 'Surely the police must make it a priority to make sure that victims feel heard.'],
  ])('a word %s without a mark is altered, never faithful', (_what, text) => {
    const r = expectVerdict(text, 'altered');
    expect(FAITHFUL).not.toContain(r.verdict);
    expect(r.match!.similarity).toBeLessThan(1);
    expect(r.match!.diff.some((d) => d.op !== 'equal')).toBe(true);
    expect(r.match!.original).toContain('make it a priority');
  });

  it('a few words added at the end are altered, not partial', () => {
    expectVerdict('The police, law enforcement bodies, government departments and child protection agencies need to work together urgently next year', 'altered');
  });

  it('a passage that recurs: the fuller altered match wins over a partial one elsewhere', () => {
    const r = expectVerdict(
      'By 31 December 2024, all chief constables and the relevant business user groups for police record management systems should make sure there are enough measures in place',
      'altered',
    );
    expect(r.match!.section).toBe('Recommendation 4');
  });

  it('shows the changed words in the diff', () => {
    const r = check('The police must make it a priority to make certain that victims feel heard.');
    expect(r.match!.diff.filter((d) => d.op !== 'equal')).toEqual([{ op: 'replace', quote: 'certain', source: 'sure' }]);
  });
});

describe('elided', () => {
  it('“A … B” with the parts close together in order', () => {
    const r = expectVerdict(
      'The purpose of this inspection was to establish how well the police … understand and respond to group-based child sexual exploitation.',
      'elided',
    );
    expect(r.match!.original).toContain('the police and law enforcement bodies understand');
    expect(r.match!.diff.some((d) => d.op === 'delete' && d.source === 'and law enforcement bodies')).toBe(true);
  });

  it('across sentences, with the other elision styles', () => {
    for (const mark of ['[...]', '[…]', '...', '. . .']) {
      expectVerdict(
        `We found that challenges previously identified in academic literature and reported through public inquiries persisted. ${mark} This needs to change.`,
        'elided',
      );
    }
  });

  it('[the police]: bracketed words stand in for a few source words', () => {
    expectVerdict('It is therefore the responsibility of [forces] to work proactively with safeguarding partners to identify these crimes', 'elided');
    expectVerdict('[The police] must make it a priority to make sure that victims feel heard.', 'elided');
    expectVerdict('[t]he police must make it a priority to make sure that victims feel heard', 'elided');
  });

  it('[sic] stands for no words', () => {
    expectVerdict('Over the years, the police and law enforcement bodies [sic] have improved how they support victims', 'elided');
    // [sic] where source words were cut is not a faithful quote.
    const r = check('Over the years, the police and law enforcement bodies [sic] how they support victims and understand their needs');
    expect(FAITHFUL).not.toContain(r.verdict);
  });

  it('an elided part with a changed word is altered', () => {
    const r = check('The purpose of this inspection was to establish how well the police … understand and answer to group-based child sexual exploitation.');
    expect(r.verdict).toBe('altered');
  });
});

describe('spliced', () => {
  it('parts far apart in one source', () => {
    expectVerdict(
      'The police must make it a priority to make sure that victims feel heard ... the Home Office should stop collecting group-based child sexual exploitation data',
      'spliced',
    );
  });

  it('parts in reverse order', () => {
    expectVerdict(
      'This needs to change. … We found that challenges previously identified in academic literature and reported through public inquiries persisted.',
      'spliced',
    );
  });

  it('parts from two sources', () => {
    const r = check('There are staggering numbers of reports coming from social media companies ... The police must make it a priority to make sure that victims feel heard');
    expect(r.verdict).toBe('spliced');
    const ids = [r.match!.sourceId, ...r.alsoIn.map((a) => a.sourceId)];
    expect(ids).toEqual(expect.arrayContaining(['npcc-meta-e2ee-2023', REPORT]));
    expect(r.alsoIn.find((a) => a.sourceId !== r.match!.sourceId)?.verdict).toBe('spliced');
  });

  it('two halves from different places with no mark at all', () => {
    expectVerdict(
      'The objective of the task force is to improve how the police respond to and tackle group-based child sexual exploitation and abuse, and the police can’t tackle them alone',
      'spliced',
    );
  });

  it('a bracket that hides a whole clause', () => {
    const r = check('It is therefore the responsibility of [forces] to identify these crimes and give victims');
    expect(FAITHFUL).not.toContain(r.verdict);
  });
});

describe('partial', () => {
  it('the first 12 words exact and 10 invented', () => {
    const r = expectVerdict(
      'The police, law enforcement bodies, government departments and child protection agencies need to reconsider their entire approach before the summer holidays begin next year',
      'partial',
    );
    expect(r.match!.original).toBe('The police, law enforcement bodies, government departments and child protection agencies need to');
    expect(r.match!.sourceEnds).toBe(false);
    expect(r.match!.diff.at(-1)?.op).toBe('insert');
  });

  it('10 invented words and the last 12 exact', () => {
    const r = expectVerdict(
      'Quite apart from budgets and staffing questions raised last spring, government departments and child protection agencies need to work together effectively to protect children',
      'partial',
    );
    expect(r.match!.original.startsWith('government departments')).toBe(true);
  });

  it('the source ends inside the quote', () => {
    const r = expectVerdict(
      'By 31 March 2026, the Home Office should introduce a new and specific annual data requirement on group-based child sexual exploitation offences',
      'partial',
    );
    expect(r.match!.sourceEnds).toBe(true);
  });
});

describe('not_found', () => {
  it('an invented sentence', () => {
    expect(check('Ministers announced yesterday that the new scheme will fund twelve extra officers in every county.')).toEqual({
      verdict: 'not_found',
      match: null,
      alsoIn: [],
    });
  });

  it('a sentence that shares only a phrase with the source', () => {
    expect(check('Campaigners say the police must make it clear to every family that nothing will change soon.').verdict).toBe('not_found');
  });

  it('empty, blank and punctuation-only quotes', () => {
    for (const text of ['', '   ', '…', '[...]', '“”']) expect(check(text).verdict).toBe('not_found');
    expect(checkQuote(new LibraryIndex(), { text: 'The police must make it a priority' }).verdict).toBe('not_found');
  });
});
