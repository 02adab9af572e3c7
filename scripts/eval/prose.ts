// The journalist's side of a generated page: template sentences, invented quotations that no
// president said, scare-quoted ordinary words, and the page furniture around the article.
import type { Rng } from './prng';

export const SITE_NAMES = ['The Capitol Ledger', 'Evening Record', 'The Federal Courier', 'Daily Archive', 'The Civic Post'];
export const JOURNALISTS = ['Maya Lindqvist', 'Owen Farrell', 'Priya Natarajan', 'Samuel Achebe', 'Clara Voss', 'Jonah Whitfield'];
export const SECTIONS = ['Politics', 'History', 'Fact check', 'Analysis', 'Washington'];

const TOPICS = [
  'trade', 'the public debt', 'the army and the navy', 'relations with foreign powers', 'taxation', 'agriculture',
  'the currency', 'schools', 'immigration', 'the budget', 'the railways', 'the courts', 'veterans', 'the tariff',
];

/** Plain reporting sentences with no quote marks (apostrophes on purpose: they are not quote marks). */
const FILLERS = [
  'The address ranged over {topic} and {topic2}.',
  'Historians have long returned to the speech for its passages on {topic}.',
  'Readers asked us to check a line that has circulated widely this week.',
  '{surname}’s words have been shared thousands of times since Monday.',
  'We compared each quotation with the transcript in the public record.',
  'The wording matters: small changes can shift a sentence’s meaning.',
  'Not every version online agrees with the record, and some can’t be traced at all.',
  'The passage came midway through a long section on {topic}.',
  'Congress’s response at the time was muted.',
  'It is one of the more quoted lines of the {year} session.',
  'Several of the versions we found had been trimmed for social media.',
  'The full text runs to many thousands of words, most of them about {topic}.',
];

export function filler(rng: Rng, ctx: { surname: string; year: string }): string {
  const t1 = rng.pick(TOPICS);
  let t2 = rng.pick(TOPICS);
  if (t2 === t1) t2 = TOPICS[(TOPICS.indexOf(t1) + 1) % TOPICS.length];
  return rng
    .pick(FILLERS)
    .replace('{topic}', t1)
    .replace('{topic2}', t2)
    .replace('{surname}', ctx.surname)
    .replace('{year}', ctx.year);
}

export function headline(rng: Rng, surname: string, year: string): string {
  return rng.pick([
    `What ${surname} really told Congress in ${year}`,
    `We checked the viral lines from ${surname}’s ${year} address`,
    `${surname}, ${year}: the quotes, and what the record says`,
    `Did ${surname} say that? A close reading of the ${year} address`,
  ]);
}

// ---------------------------------------------------------------------------------------------
// Invented speech: modern vocabulary so that no five-word run occurs in the addresses.

const SUBJECTS = ['We', 'My team', 'This office', 'The new task force', 'Our staff', 'The department'];
const MODALS_PLURAL = ['will', 'are going to', 'plan to', 'hope to', 'intend to'];
const MODALS_SINGULAR = ['will', 'is going to', 'plans to', 'hopes to', 'intends to'];
const PLURAL = new Set(['We', 'we', 'Our staff', 'our staff']);

function modalFor(rng: Rng, subject: string): string {
  return rng.pick(PLURAL.has(subject) ? MODALS_PLURAL : MODALS_SINGULAR);
}
const VERBS = ['publish', 'fund', 'rebuild', 'review', 'expand', 'simplify', 'audit', 'digitise', 'relaunch', 'upgrade'];
const OBJECTS = [
  'the broadband coverage maps', 'every rural bus route', 'the apprenticeship portal', 'the flood barriers on the coast',
  'the drone testing sites', 'the student loan helpline', 'our cybersecurity playbook', 'the electric charging network',
  'the hospital waiting lists', 'the online tax forms', 'the wildfire warning app', 'the county data dashboards',
];
const TIMES = [
  'before the summer recess', 'by the end of next quarter', 'within eighteen months', 'ahead of the midterms',
  'this autumn', 'over the next two winters', 'before the holiday weekend', 'by early spring',
];
const REASONS = [
  'because families deserve faster answers', 'so that nobody waits on hold for hours',
  'and we will post the results online every month', 'without raising a single fee',
  'because the old software keeps crashing', 'so that small towns are not left behind',
];
const OPINIONS = [
  'Frankly, nobody in this building expected the polling numbers to move that quickly',
  'Look, the spreadsheet tells a different story than the cable news panels',
  'Honestly, I think the podcast crowd has misread the whole situation',
  'My inbox has been full of emails from parents about the school bus app',
  'The committee staff have worked through three weekends on the draft spreadsheet',
  'Nobody on our side of the aisle wants another government shutdown over a hashtag',
];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One invented sentence of about 12–25 words, ending with a full stop. */
export function inventedSentence(rng: Rng): string {
  if (rng.chance(0.3)) return `${rng.pick(OPINIONS)}.`;
  const subject = rng.pick(SUBJECTS);
  const modal = modalFor(rng, subject);
  return `${subject} ${modal} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(TIMES)}, ${rng.pick(REASONS)}.`;
}

/** An invented clause of at least 8 words with no final punctuation, to follow or precede real words. */
export function inventedClause(rng: Rng): string {
  const subject = rng.pick(['we', 'my team', 'the new task force', 'our staff']);
  const modal = modalFor(rng, subject);
  return `${subject} ${modal} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(TIMES)}`;
}

export const INVENTED_SPEAKERS = [
  'Senator Martin Hale', 'Dana Whitlock, a White House spokeswoman', 'the historian Ruth Okafor',
  'Governor Ellen Brandt', 'Representative Tomas Reyes', 'Lena Marsh, a campaign adviser',
];

/** Ordinary words that journalists put in scare quotes. */
export const SCARE_PHRASES = [
  'reform', 'historic', 'common sense', 'bold', 'fair share', 'red tape', 'unprecedented', 'tough choices',
  'game changer', 'fiscal discipline', 'a new era', 'transparency', 'efficiency savings', 'modernisation',
  'right-sizing', 'listening tour', 'roadmap', 'reset',
];

/** A sentence holding a scare quote; `{Q}` is where the marked phrase goes. */
export const SCARE_FRAMES = [
  'Critics dismissed the plan as {Q} at best.',
  'The committee’s {Q} has drawn criticism from both parties.',
  'Aides describe the measure as {Q}, a label that has stuck.',
  'What officials call {Q} is, on closer reading, a routine budget line.',
  'Supporters call it {Q}; opponents have other words for it.',
  'The so-called {Q} agenda barely features in the text.',
];

// ---------------------------------------------------------------------------------------------
// Furniture: quote marks outside the article body are deliberate; they must not be detected.

export function navItems(rng: Rng): string[] {
  return rng.shuffle(['Politics', 'World', '“Fact Check”', 'The ‘Big Read’', 'Opinion', 'Podcasts', '"Ask Us"']);
}

export function mostRead(rng: Rng): string[] {
  return rng.shuffle([
    'Senator calls budget plan ‘reckless’ in late-night session',
    'Why the “quiet” recession is anything but',
    'Inside the race to replace the committee’s chair',
    'Mayor’s "temporary" bike lanes turn five',
    'The ‘forgotten’ amendment that could decide the case',
  ]).slice(0, 4);
}
