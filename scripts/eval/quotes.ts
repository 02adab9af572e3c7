// Quote bodies whose verdict is known by construction: each is cut from the library (or invented)
// and changed in exactly the way its verdict names. The page builder adds the marks and the prose.
import type { Verdict } from '../../lib/types';
import type { Rng } from './prng';
import { LibraryWords, type SourceWords, wordKeys } from './library';
import { inventedClause, inventedSentence, SCARE_PHRASES } from './prose';

/** What the generator makes; `short` is a not_found scare quote of ordinary words. */
export type QuoteKind = Verdict | 'short';
export const QUOTE_KINDS: readonly QuoteKind[] = [
  'verbatim', 'minor', 'elided', 'spliced', 'altered', 'partial', 'not_found', 'short',
];

/** A span of a library source that the quote is built from. */
export interface SourcePart {
  sourceId: string;
  start: number;
  end: number;
  text: string; // source.text.slice(start, end)
}

export interface WordEdit {
  op: 'replace' | 'insert' | 'delete';
  /** Index of the word in the source span (for insert: the word after which the new one goes). */
  at: number;
  from: string | null;
  to: string | null;
}

export interface QuoteBody {
  kind: QuoteKind;
  verdict: Verdict;
  /** The words between the marks, before the page adds edge punctuation or changes the first letter's case. */
  text: string;
  /** Sentences of the quote, for a quote laid out over several paragraphs (verbatim / invented only). */
  sentences: string[] | null;
  parts: SourcePart[];
  /** What was done, in words (for the report's examples). */
  change: string;
  edits: WordEdit[];
  /** The speaker of the first part's source, or an invented person. */
  speaker: string | null;
  sourceYear: string | null;
}

// ---------------------------------------------------------------------------------------------
// Picking spans

/** Characters a span must not contain: quote marks, elision marks, brackets, stage directions. */
const FORBIDDEN = /["“”‘«»„‹›[\]…()\n$_/*]|\.\.\./;
/** An apostrophe not between two letters would read as a quote mark. */
const LOOSE_APOSTROPHE = /(^|[^\p{L}\p{N}])['’]|['’]($|[^\p{L}\p{N}])/u;

export interface Span {
  sw: SourceWords;
  i: number; // first word
  j: number; // one past the last word
}

export function spanStart(s: Span): number {
  return s.sw.starts[s.i];
}
export function spanEnd(s: Span): number {
  return s.sw.ends[s.j - 1];
}
export function spanText(s: Span): string {
  return s.sw.source.text.slice(spanStart(s), spanEnd(s));
}
export function spanPart(s: Span): SourcePart {
  return { sourceId: s.sw.source.id, start: spanStart(s), end: spanEnd(s), text: spanText(s) };
}

/** At most this many numbers in a span: the addresses hold tables of figures, which nobody quotes. */
const MAX_NUMBERS = 2;

function cleanSpan(s: Span): boolean {
  const t = spanText(s);
  const numbers = s.sw.keys.slice(s.i, s.j).filter((k) => /\d/.test(k)).length;
  return !FORBIDDEN.test(t) && !LOOSE_APOSTROPHE.test(t) && numbers <= MAX_NUMBERS && !/ - /.test(t);
}

/** A span that starts where a sentence or clause starts and stops before punctuation, as journalists cut. */
function naturalSpan(s: Span): boolean {
  const text = s.sw.source.text;
  const before = text.slice(Math.max(0, spanStart(s) - 3), spanStart(s));
  const startsClause = spanStart(s) === 0 || /(^|[.!?;:,]\s|\n\n)$/.test(before);
  const endsClause = /^[.!?;:,]/.test(text.slice(spanEnd(s), spanEnd(s) + 1));
  return startsClause && endsClause;
}

export interface SpanOptions {
  source?: SourceWords;
  /** Only words in [from, to) of the source. */
  from?: number;
  to?: number;
  test?: (s: Span) => boolean;
}

/** A clean span of `min`–`max` words inside one paragraph, said only once in the library. */
export function pickSpan(lib: LibraryWords, rng: Rng, min: number, max: number, opts: SpanOptions = {}): Span | null {
  for (let attempt = 0; attempt < 600; attempt++) {
    const sw = opts.source ?? rng.pick(lib.sources);
    const len = rng.int(min, max);
    const lo = opts.from ?? 0;
    const hi = Math.min(opts.to ?? sw.keys.length, sw.keys.length) - len;
    if (hi < lo) continue;
    const i = rng.int(lo, hi);
    const s: Span = { sw, i, j: i + len };
    if (sw.paragraph[s.i] !== sw.paragraph[s.j - 1]) continue;
    // Most quotes are cut at clause edges; later attempts take any span.
    if (attempt < 300 && !naturalSpan(s)) continue;
    if (!cleanSpan(s)) continue;
    if (!lib.isUnique(sw, s.i, Math.max(s.j, s.i + 8))) continue;
    if (opts.test && !opts.test(s)) continue;
    return s;
  }
  return null;
}

function speakerOf(sw: SourceWords): { speaker: string | null; sourceYear: string | null } {
  return { speaker: sw.source.speaker, sourceYear: sw.source.published };
}

/** Replaces word k of a span (by source offsets) in the span's text. */
function wordRange(s: Span, k: number): [number, number] {
  const base = spanStart(s);
  return [s.sw.starts[s.i + k] - base, s.sw.ends[s.i + k] - base];
}

function sameCase(model: string, word: string): string {
  return model.charAt(0) === model.charAt(0).toUpperCase() && /\p{L}/u.test(model.charAt(0))
    ? word.charAt(0).toUpperCase() + word.slice(1)
    : word;
}

// ---------------------------------------------------------------------------------------------
// verbatim

function makeVerbatim(lib: LibraryWords, rng: Rng): QuoteBody | null {
  const s = pickSpan(lib, rng, 8, 40);
  if (!s) return null;
  let text = spanText(s);
  const changes: string[] = [];
  if (/’/.test(text) && rng.chance(0.5)) {
    text = text.replace(/’/g, "'");
    changes.push('curly apostrophe → straight');
  } else if (/'/.test(text) && rng.chance(0.5)) {
    text = text.replace(/'/g, '’');
    changes.push('straight apostrophe → curly');
  }
  if (/—/.test(text) && rng.chance(0.5)) {
    text = text.replace(/—/g, '–');
    changes.push('em dash → en dash');
  }
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z])/);
  return {
    kind: 'verbatim',
    verdict: 'verbatim',
    text,
    sentences: sentences.length > 1 ? sentences : null,
    parts: [spanPart(s)],
    change: changes.join('; ') || 'exact',
    edits: [],
    ...speakerOf(s.sw),
  };
}

// ---------------------------------------------------------------------------------------------
// minor: same words, different punctuation, hyphenation, spelling or numerals

const US_UK: Record<string, string> = {};
for (const [us, uk] of [
  ['honor', 'honour'], ['honors', 'honours'], ['honored', 'honoured'], ['honorable', 'honourable'], ['dishonor', 'dishonour'],
  ['favor', 'favour'], ['favors', 'favours'], ['favored', 'favoured'], ['favorable', 'favourable'], ['favorably', 'favourably'],
  ['unfavorable', 'unfavourable'], ['labor', 'labour'], ['labors', 'labours'], ['laborers', 'labourers'],
  ['neighbor', 'neighbour'], ['neighbors', 'neighbours'], ['neighboring', 'neighbouring'], ['behavior', 'behaviour'],
  ['harbor', 'harbour'], ['harbors', 'harbours'], ['endeavor', 'endeavour'], ['endeavors', 'endeavours'],
  ['vigor', 'vigour'], ['valor', 'valour'], ['rumor', 'rumour'], ['color', 'colour'], ['colored', 'coloured'],
  ['defense', 'defence'], ['defenses', 'defences'], ['offense', 'offence'], ['offenses', 'offences'],
  ['center', 'centre'], ['centers', 'centres'], ['theater', 'theatre'],
  ['organize', 'organise'], ['organized', 'organised'], ['organization', 'organisation'], ['organizations', 'organisations'],
  ['realize', 'realise'], ['realized', 'realised'], ['recognize', 'recognise'], ['recognized', 'recognised'],
  ['civilization', 'civilisation'], ['civilized', 'civilised'], ['authorize', 'authorise'], ['authorized', 'authorised'],
  ['authorizing', 'authorising'], ['utilize', 'utilise'], ['emphasize', 'emphasise'], ['criticize', 'criticise'],
  ['modernize', 'modernise'], ['modernization', 'modernisation'], ['stabilize', 'stabilise'], ['subsidize', 'subsidise'],
  ['program', 'programme'], ['programs', 'programmes'], ['traveled', 'travelled'], ['traveling', 'travelling'],
  ['canceled', 'cancelled'], ['fulfill', 'fulfil'], ['enrollment', 'enrolment'], ['skillful', 'skilful'],
  ['analyze', 'analyse'], ['paralyze', 'paralyse'], ['gray', 'grey'], ['plow', 'plough'], ['catalog', 'catalogue'],
]) {
  US_UK[us] = uk;
  US_UK[uk] = us;
}

const NUMBER_WORDS = [
  '', '', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];
const NUMERALS: Record<string, string> = {};
for (let n = 2; n < NUMBER_WORDS.length; n++) {
  NUMERALS[NUMBER_WORDS[n]] = String(n);
  NUMERALS[String(n)] = NUMBER_WORDS[n];
}

/** The spelling and numeral variants that `minor` may swap, both ways (exported for the tests). */
export const MINOR_SWAPS: Readonly<Record<string, string>> = { ...US_UK, ...NUMERALS };

type MinorChange = 'spelling' | 'numeral' | 'hyphen' | 'punctuation';

function minorCandidates(s: Span, change: MinorChange): number[] {
  const out: number[] = [];
  const len = s.j - s.i;
  const text = spanText(s);
  for (let k = 0; k < len; k++) {
    const key = s.sw.keys[s.i + k];
    const [a, b] = wordRange(s, k);
    const word = text.slice(a, b);
    if (change === 'spelling' && US_UK[key]) out.push(k);
    if (change === 'numeral' && NUMERALS[key] && !/\d{2,}[,.]\d/.test(word)) out.push(k);
    if (change === 'hyphen' && /-/.test(word)) out.push(k);
    if (change === 'punctuation' && k > 0 && k < len - 1) out.push(k);
  }
  return out;
}

function makeMinor(lib: LibraryWords, rng: Rng): QuoteBody | null {
  const wanted = rng.pick<MinorChange>(['spelling', 'numeral', 'hyphen', 'punctuation', 'spelling', 'hyphen']);
  let s = pickSpan(lib, rng, 8, 30, { test: (x) => minorCandidates(x, wanted).length > 0 });
  let change: MinorChange = wanted;
  if (!s) {
    change = 'punctuation';
    s = pickSpan(lib, rng, 8, 30);
  }
  if (!s) return null;
  const text = spanText(s);
  const k = rng.pick(minorCandidates(s, change));
  const [a, b] = wordRange(s, k);
  const word = text.slice(a, b);
  let out: string;
  let what: string;
  if (change === 'spelling' || change === 'numeral') {
    const swapped = sameCase(word, (change === 'spelling' ? US_UK : NUMERALS)[wordKeys(word)[0]]);
    out = text.slice(0, a) + swapped + text.slice(b);
    what = `${change}: ${word} → ${swapped}`;
  } else if (change === 'hyphen') {
    const unhyphenated = word.replace(/-/g, ' ');
    out = text.slice(0, a) + unhyphenated + text.slice(b);
    what = `hyphenation: ${word} → ${unhyphenated}`;
  } else {
    // Punctuation after word k: drop it if there is some, else add a comma.
    const after = text.slice(b, wordRange(s, k + 1)[0]);
    if (/^[,;:]\s$/.test(after)) {
      const replacement = after[0] === ',' ? ' ' : ', ';
      out = text.slice(0, b) + replacement + text.slice(b + after.length);
      what = `punctuation: “${word}${after.trim()}” → “${word}${replacement.trim()}”`;
    } else if (after === ' ') {
      out = text.slice(0, b) + ',' + text.slice(b);
      what = `punctuation: comma added after “${word}”`;
    } else {
      return null;
    }
  }
  return {
    kind: 'minor',
    verdict: 'minor',
    text: out,
    sentences: null,
    parts: [spanPart(s)],
    change: what,
    edits: [],
    ...speakerOf(s.sw),
  };
}

// ---------------------------------------------------------------------------------------------
// elided: cuts marked by the quote itself

const ELLIPSES = [' … ', ' ... ', ' […] ', ' [...] '];
const INSERTIONS = ['the President', 'Congress', 'the United States', 'the nation', 'the administration', 'the treaty'];
const PRONOUNS = new Set(['he', 'it', 'they', 'this', 'we', 'them', 'these', 'its', 'our', 'that', 'those', 'their']);

function makeElided(lib: LibraryWords, rng: Rng): QuoteBody | null {
  if (rng.chance(0.65)) {
    const a = rng.int(6, 14);
    const gap = rng.int(3, 25);
    const b = rng.int(6, 14);
    const region = pickSpan(lib, rng, a + gap + b, a + gap + b);
    if (!region) return null;
    const first: Span = { sw: region.sw, i: region.i, j: region.i + a };
    const second: Span = { sw: region.sw, i: region.j - b, j: region.j };
    const mark = rng.pick(ELLIPSES);
    return {
      kind: 'elided',
      verdict: 'elided',
      text: spanText(first) + mark + spanText(second),
      sentences: null,
      parts: [spanPart(first), spanPart(second)],
      change: `${gap} words cut, marked “${mark.trim()}”`,
      edits: [],
      ...speakerOf(region.sw),
    };
  }
  const s = pickSpan(lib, rng, 10, 30);
  if (!s) return null;
  const len = s.j - s.i;
  const inner = Array.from({ length: len - 4 }, (_, n) => n + 2);
  const pronouns = inner.filter((k) => PRONOUNS.has(s.sw.keys[s.i + k]));
  const k = pronouns.length ? rng.pick(pronouns) : rng.pick(inner);
  const text = spanText(s);
  const [a, b] = wordRange(s, k);
  const insertion = `[${rng.pick(INSERTIONS)}]`;
  return {
    kind: 'elided',
    verdict: 'elided',
    text: text.slice(0, a) + insertion + text.slice(b),
    sentences: null,
    parts: [{ ...spanPart(s) }],
    change: `“${text.slice(a, b)}” replaced by ${insertion}`,
    edits: [{ op: 'replace', at: k, from: text.slice(a, b), to: insertion }],
    ...speakerOf(s.sw),
  };
}

// ---------------------------------------------------------------------------------------------
// spliced: parts the source never said together

/** Words apart within one address for a splice to count as far apart. */
export const FAR_APART_WORDS = 1500;

function makeSpliced(lib: LibraryWords, rng: Rng): QuoteBody | null {
  const first = pickSpan(lib, rng, 7, 14);
  if (!first) return null;
  const mode = lib.sources.length > 1 && rng.chance(0.5) ? 'other address' : rng.chance(0.5) ? 'far apart' : 'reversed';
  let second: Span | null = null;
  if (mode === 'other address') {
    const others = lib.sources.filter((sw) => sw !== first.sw);
    second = pickSpan(lib, rng, 7, 14, { source: rng.pick(others) });
  } else if (mode === 'far apart') {
    if (first.sw.keys.length - first.j > FAR_APART_WORDS + 20) {
      second = pickSpan(lib, rng, 7, 14, { source: first.sw, from: first.j + FAR_APART_WORDS });
    }
  } else {
    // Reversed: the second part comes before the first in the address.
    if (first.i > 30) second = pickSpan(lib, rng, 7, 14, { source: first.sw, to: first.i - 10 });
  }
  if (!second) return null;
  const join = rng.pick([' … ', ' ... ', ' ']);
  return {
    kind: 'spliced',
    verdict: 'spliced',
    text: spanText(first) + join + spanText(second),
    sentences: null,
    parts: [spanPart(first), spanPart(second)],
    change: `two parts, ${mode}, joined ${join === ' ' ? 'with no mark' : `with “${join.trim()}”`}`,
    edits: [],
    ...speakerOf(first.sw),
  };
}

// ---------------------------------------------------------------------------------------------
// altered: words changed, added or dropped with no mark

const OPPOSITES: Record<string, string> = {};
for (const [x, y] of [
  ['increase', 'decrease'], ['more', 'less'], ['always', 'never'], ['great', 'small'], ['peace', 'war'],
  ['success', 'failure'], ['friendly', 'hostile'], ['strong', 'weak'], ['high', 'low'], ['large', 'small'],
  ['public', 'private'], ['foreign', 'domestic'], ['must', 'may'], ['should', 'need not'], ['best', 'worst'],
  ['first', 'last'], ['many', 'few'], ['rich', 'poor'], ['good', 'bad'], ['new', 'old'],
]) {
  OPPOSITES[x] = y;
  OPPOSITES[y] = x;
}
const SUBSTITUTES = ['modest', 'urgent', 'careful', 'rural', 'northern', 'temporary', 'secret', 'costly', 'hasty', 'minor'];
const INSERTS = ['not', 'never', 'only', 'also', 'very', 'certainly', 'largely', 'secretly'];

function makeAltered(lib: LibraryWords, rng: Rng): QuoteBody | null {
  // Long enough that one or two edits leave most of the words the source's.
  const s = pickSpan(lib, rng, 12, 30);
  if (!s) return null;
  const len = s.j - s.i;
  const count = rng.chance(0.5) ? 1 : 2;
  // Interior, non-adjacent positions so that the edits stay distinct.
  const positions: number[] = [];
  for (const k of rng.shuffle(Array.from({ length: len - 2 }, (_, n) => n + 1))) {
    if (positions.every((p) => Math.abs(p - k) > 2)) positions.push(k);
    if (positions.length === count) break;
  }
  const text = spanText(s);
  const edits: WordEdit[] = [];
  for (const k of positions) {
    const [a, b] = wordRange(s, k);
    const word = text.slice(a, b);
    const key = s.sw.keys[s.i + k];
    const op = rng.pick<WordEdit['op']>(['replace', 'replace', 'insert', 'delete']);
    if (op === 'delete' && text[b] === ' ' && text[a - 1] === ' ') {
      edits.push({ op, at: k, from: word, to: null });
    } else if (op === 'insert' && text[b] === ' ') {
      edits.push({ op: 'insert', at: k, from: null, to: rng.pick(INSERTS.filter((w) => w !== key)) });
    } else {
      const choices = SUBSTITUTES.filter((w) => w !== key && MINOR_SWAPS[key] !== w);
      const to = OPPOSITES[key] && !OPPOSITES[key].includes(' ') ? OPPOSITES[key] : rng.pick(choices);
      edits.push({ op: 'replace', at: k, from: word, to: sameCase(word, to) });
    }
  }
  // Apply from the end so earlier offsets stay valid.
  let out = text;
  for (const e of [...edits].sort((x, y) => y.at - x.at)) {
    const [a, b] = wordRange(s, e.at);
    if (e.op === 'replace') out = out.slice(0, a) + e.to + out.slice(b);
    else if (e.op === 'insert') out = out.slice(0, b) + ' ' + e.to + out.slice(b);
    else out = out.slice(0, a) + out.slice(b + 1);
  }
  return {
    kind: 'altered',
    verdict: 'altered',
    text: out,
    sentences: null,
    parts: [spanPart(s)],
    change: edits
      .map((e) => (e.op === 'replace' ? `“${e.from}” → “${e.to}”` : e.op === 'insert' ? `“${e.to}” inserted` : `“${e.from}” dropped`))
      .join('; '),
    edits,
    ...speakerOf(s.sw),
  };
}

// ---------------------------------------------------------------------------------------------
// partial, not_found, short

function invented(lib: LibraryWords, rng: Rng, make: (r: Rng) => string): string | null {
  for (let attempt = 0; attempt < 50; attempt++) {
    const t = make(rng);
    if (!lib.sharesRun(wordKeys(t))) return t;
  }
  return null;
}

function makePartial(lib: LibraryWords, rng: Rng): QuoteBody | null {
  const s = pickSpan(lib, rng, 8, 16);
  const clause = invented(lib, rng, inventedClause);
  if (!s || !clause) return null;
  const span = spanText(s);
  const trailing = rng.chance(0.5);
  const text = trailing
    ? `${span.replace(/[,;:]$/, '')}, and ${clause}`
    : `${clause.charAt(0).toUpperCase()}${clause.slice(1)}, ${/^because\b/i.test(span) ? 'since' : 'because'} ${span}`;
  return {
    kind: 'partial',
    verdict: 'partial',
    text,
    sentences: null,
    parts: [spanPart(s)],
    change: trailing ? 'invented words after the source’s' : 'invented words before the source’s',
    edits: [],
    ...speakerOf(s.sw),
  };
}

function makeNotFound(lib: LibraryWords, rng: Rng): QuoteBody | null {
  const first = invented(lib, rng, inventedSentence);
  if (!first) return null;
  const second = rng.chance(0.35) ? invented(lib, rng, inventedSentence) : null;
  const sentences = second && second !== first ? [first, second] : [first];
  return {
    kind: 'not_found',
    verdict: 'not_found',
    text: sentences.join(' ').replace(/\.$/, ''),
    sentences: sentences.length > 1 ? sentences : null,
    parts: [],
    change: 'invented',
    edits: [],
    speaker: null,
    sourceYear: null,
  };
}

function makeShort(_lib: LibraryWords, rng: Rng): QuoteBody {
  return {
    kind: 'short',
    verdict: 'not_found',
    text: rng.pick(SCARE_PHRASES),
    sentences: null,
    parts: [],
    change: 'scare quote of ordinary words',
    edits: [],
    speaker: null,
    sourceYear: null,
  };
}

const MAKERS: Record<QuoteKind, (lib: LibraryWords, rng: Rng) => QuoteBody | null> = {
  verbatim: makeVerbatim,
  minor: makeMinor,
  elided: makeElided,
  spliced: makeSpliced,
  altered: makeAltered,
  partial: makePartial,
  not_found: makeNotFound,
  short: makeShort,
};

/** A quote body of the given kind (retries a few times; throws if the library is too small for it). */
export function makeQuote(lib: LibraryWords, rng: Rng, kind: QuoteKind): QuoteBody {
  for (let attempt = 0; attempt < 20; attempt++) {
    const q = MAKERS[kind](lib, rng);
    if (q) return q;
  }
  throw new Error(`could not make a ${kind} quote from this library`);
}
