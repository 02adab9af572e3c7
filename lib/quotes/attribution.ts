// Who the article says said a quote, read from the words around it: a cue verb ("said", "adds",
// "found", "according to") with its subject, before the quote ("The inspectorate said: “…”") or
// after it ("“…,” the report said."). A pronoun subject ("It also said") takes the most recent
// named attribution; the paragraphs of a quotation block share the block's attribution; a scare
// quote with no cue nearby has none.
import type { Quote } from '../types';
import { isPlainText } from '../text/words';
import { finish, type Steps } from './steps';
import {
  markBounds,
  onlyMarksAndSpace,
  paragraphEnd,
  paragraphStart,
  sentenceStart,
  tokens,
  type MarkBounds,
  type Token,
} from './prose';

/** How far back (in characters) any scan for a cue looks. */
const WINDOW = 600;
/** How many words before a quote are searched for its cue verb. */
const CUE_REACH = 30;
/** How many earlier quotes a pronoun ("he added") looks back through for a name. */
const CARRY_REACH = 20;

/** Verbs that report speech or findings. */
const CUE_VERBS = new Set([
  'said', 'says', 'say', 'adds', 'added', 'told', 'tells', 'wrote', 'writes', 'reported', 'found', 'finds',
  'stated', 'states', 'warned', 'warns', 'accepts', 'accepted', 'claims', 'claimed', 'described', 'describes',
  'explained', 'explains', 'noted', 'concluded', 'concludes', 'argued', 'argues', 'insisted', 'insists',
  'admitted', 'admits', 'acknowledged', 'acknowledges', 'continued', 'continues', 'asked', 'replied',
  'responded', 'announced', 'declared', 'observed', 'stressed', 'conceded', 'confirmed', 'raised', 'went',
  'put', 'called', 'pointed',
]);

/** Words that belong to a cue ("raised concerns about", "went on:"), required or optional. */
const COMPLEMENTS: Record<string, { required: boolean; options: string[] }> = {
  raised: { required: true, options: ['concerns about', 'concerns over', 'concern about', 'concern over', 'concerns that'] },
  went: { required: true, options: ['on'] },
  put: { required: true, options: ['it'] },
  called: { required: true, options: ['it', 'them', 'this', 'him', 'her', 'for'] },
  pointed: { required: true, options: ['out'] },
  described: { required: false, options: ['it as', 'them as', 'this as', 'him as', 'her as'] },
  warned: { required: false, options: ['of', 'about', 'against'] },
};

/** Verbs that take a listener before "that": "told Congress that …". */
const OBJECT_VERBS = new Set(['told', 'tells', 'warned', 'warns', 'asked']);

/** Before a cue verb these make it passive ("was described as"): the subject is not the speaker. */
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/** Before a cue word these make it a noun ("his claims"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'these', 'those', 'whose']);

/** Words between a subject and its verb that are not part of the subject ("It also said", "has warned"). */
const VERB_MODIFIERS = new Set([
  'also', 'then', 'later', 'further', 'previously', 'recently', 'subsequently', 'once', 'again', 'today',
  'yesterday', 'now', 'earlier', 'separately', 'repeatedly', 'originally', 'simply', 'always', 'often', 'already',
  'still', 'just', 'only', 'even', 'publicly', 'privately', 'has', 'have', 'had', 'would', 'will', 'did', 'does',
  'do', 'shall', 'may', 'might', 'could', 'should', 'can',
]);

/** First words of a clause that is not the subject: adverbials, prepositions, relative clauses. */
const NOT_A_SUBJECT = new Set([
  'in', 'on', 'at', 'by', 'for', 'from', 'with', 'without', 'following', 'after', 'before', 'during', 'despite',
  'although', 'though', 'while', 'when', 'whenever', 'since', 'because', 'if', 'unless', 'until', 'of', 'to',
  'into', 'under', 'over', 'about', 'across', 'against', 'among', 'between', 'through', 'throughout', 'within',
  'according', 'meanwhile', 'however', 'moreover', 'furthermore', 'nevertheless', 'instead', 'indeed', 'yet',
  'speaking', 'writing', 'asked', 'earlier', 'later', 'last', 'yesterday', 'today', 'tonight', 'now', 'then',
  'which', 'who', 'whom', 'whose', 'where', 'like', 'unlike', 'including', 'such', 'separately', 'similarly',
  'finally', 'crucially', 'notably', 'here', 'there', 'once', 'again', 'not', 'that', 'contrast',
  // Nobody in particular: "Nobody on the campaign trail says …" names no speaker.
  'nobody', 'no', 'none', 'anyone', 'anybody', 'everyone', 'everybody', 'someone', 'somebody',
]);

/** Words that join clauses and are dropped from the front of a subject ("and the report said"). */
const CONJUNCTIONS = new Set(['and', 'but', 'so', 'or', 'nor', 'as', 'also', 'whereas', 'while']);

/** Where an attribution after its verb stops ("said Wendy Williams in a statement"). */
const AFTER_SUBJECT_STOPS = new Set([
  'in', 'on', 'at', 'during', 'when', 'after', 'before', 'yesterday', 'today', 'last', 'this', 'earlier', 'later',
  'adding', 'as', 'who', 'which', 'while', 'to', 'that', 'of', 'from', 'for', 'with',
]);

const PRONOUNS = new Set(['it', 'he', 'she', 'they', 'we', 'i', 'you', 'this']);

const MAX_SUBJECT_WORDS = 12;

export function isPronoun(name: string): boolean {
  return PRONOUNS.has(name.trim().toLowerCase());
}

/**
 * A run of non-space characters holding a letter or digit: each whitespace-separated piece that
 * holds one is matched once (the lazy start stretches to the piece's first letter or digit).
 */
const COUNTED_PIECE = /\S*?[\p{L}\p{N}]\S*/gu;
/** COUNTED_PIECE where every letter or digit is ASCII (see isPlainText). */
const PLAIN_COUNTED_PIECE = /\S*?[A-Za-z0-9]\S*/g;

/** How many whitespace-separated pieces of `s` hold a letter or digit: one regex call, no array of pieces. */
export function wordCount(s: string): number {
  return s.match(isPlainText(s) ? PLAIN_COUNTED_PIECE : COUNTED_PIECE)?.length ?? 0;
}

/** Text with the given leading words ("concerns about") removed, or null when it does not start with them. */
function stripLeadingWords(text: string, phrase: string): string | null {
  const words = phrase.split(' ');
  let rest = text;
  for (const w of words) {
    const m = /^\s*([\p{L}]+)/u.exec(rest);
    if (!m || m[1].toLowerCase() !== w) return null;
    rest = rest.slice(m[0].length);
  }
  return rest;
}

/** True when the words between a cue verb and the quote still tie the quote to the verb. */
function bridgeHolds(verb: string, bridge: string): boolean {
  let rest = bridge.trim();
  const complement = COMPLEMENTS[verb];
  if (complement) {
    const stripped = complement.options.map((o) => stripLeadingWords(rest, o)).find((r) => r !== null);
    if (stripped !== undefined && stripped !== null) rest = stripped.trim();
    else if (complement.required) return false;
  }
  if (rest === '' || /^[:,—–-]+$/.test(rest)) return true;
  const n = wordCount(rest);
  // A parenthesis set off by commas, or a lead-in ending in a colon: "says of the police, more generally,".
  if (/[:,]$/.test(rest) && n <= MAX_SUBJECT_WORDS && !/[.!?]\s/.test(rest)) return true;
  // A short that-clause ending in the quote: "accepts that there is still a problem with".
  if (/^that\b/i.test(rest) && n <= 9) return true;
  return OBJECT_VERBS.has(verb) && /^(?:\S+\s+){1,4}that\b/i.test(rest) && n <= 13;
}

/** A comma, semicolon, colon, or a dash with a space either side (the dash alone is the cut). */
const CLAUSE_CUT = /[,;:]|(?<= )[–—](?= )/g;

/** Splits at commas, semicolons, colons and spaced dashes outside brackets. */
export function clauses(text: string): string[] {
  if (!/[()[\]]/.test(text)) {
    // No brackets, so every cut counts: the regex finds them without a call per character.
    const out: string[] = [];
    let from = 0;
    CLAUSE_CUT.lastIndex = 0;
    for (let m = CLAUSE_CUT.exec(text); m !== null; m = CLAUSE_CUT.exec(text)) {
      out.push(text.slice(from, m.index));
      from = m.index + 1;
    }
    out.push(text.slice(from));
    return out;
  }
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0) {
      const dash = (c === '–' || c === '—') && text[i - 1] === ' ' && text[i + 1] === ' ';
      if (c === ',' || c === ';' || c === ':' || dash) {
        out.push(text.slice(from, i));
        from = i + 1;
      }
    }
  }
  out.push(text.slice(from));
  return out;
}

// The Unicode forms of the expressions below, and the ASCII forms that find the same where every
// letter and digit is ASCII (isPlainText), several times faster in a content script's first run.
const LEADING_WORD = /^([\p{L}]+)\s+/u;
const PLAIN_LEADING_WORD = /^([A-Za-z]+)\s+/;
const ANY_ALNUM = /[\p{L}\p{N}]/u;
const PLAIN_ANY_ALNUM = /[A-Za-z0-9]/;
const FIRST_ALNUMS = /^[\p{L}\p{N}]+/u;
const PLAIN_FIRST_ALNUMS = /^[A-Za-z0-9]+/;
const LAST_WORD = /(?:^|\s)([\p{L}]+)$/u;
const PLAIN_LAST_WORD = /(?:^|\s)([A-Za-z]+)$/;

/** A clause as a subject: conjunctions dropped, or null when it reads as an adverbial. */
function asSubject(clause: string): string | null {
  let s = clause.trim();
  const plain = isPlainText(s);
  const leadingWord = plain ? PLAIN_LEADING_WORD : LEADING_WORD;
  for (let m = leadingWord.exec(s); m && CONJUNCTIONS.has(m[1].toLowerCase()); m = leadingWord.exec(s)) {
    s = s.slice(m[0].length);
  }
  s = s.replace(/[\s,;:]+$/, '');
  if (!(plain ? PLAIN_ANY_ALNUM : ANY_ALNUM).test(s)) return null;
  const first = (plain ? PLAIN_FIRST_ALNUMS : FIRST_ALNUMS).exec(s)?.[0].toLowerCase() ?? '';
  if (NOT_A_SUBJECT.has(first) || DETERMINERS.has(s.toLowerCase()) || /^[“‘"'«„]/.test(s)) return null;
  return wordCount(s) <= MAX_SUBJECT_WORDS ? s : null;
}

/** Drops trailing adverbs and auxiliaries ("It also", "The report has") and punctuation. */
function trimVerbModifiers(text: string): string {
  let s = text.replace(/[\s,]+$/, '');
  const lastWord = isPlainText(s) ? PLAIN_LAST_WORD : LAST_WORD;
  for (;;) {
    const m = lastWord.exec(s);
    if (!m || !VERB_MODIFIERS.has(m[1].toLowerCase())) return s;
    s = s.slice(0, m.index).replace(/[\s,]+$/, '');
  }
}

/** The subject of a cue verb, from the words before it: the nearest clause that reads as a noun phrase. */
function subjectBefore(text: string, from: number, to: number): string | null {
  const parts = clauses(trimVerbModifiers(text.slice(from, to)));
  for (let k = parts.length - 1; k >= 0; k--) {
    const s = asSubject(parts[k]);
    if (s) return s;
  }
  return null;
}

/** The token before index k, stepping over verb modifiers. */
function wordBeforeVerb(toks: Token[], k: number): Token | null {
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) if (!VERB_MODIFIERS.has(toks[j].lower)) return toks[j];
  return null;
}

type Cue = { found: true; name: string | null } | { found: false };
const NO_CUE: Cue = { found: false };

/**
 * A cue before a quote: the nearest cue verb in text[from, lead), tied to the quote by a short
 * bridge. `found` with a null name means a cue that rules out an attribution (a passive
 * "was described as", or a verb too far from the quote).
 */
function cueBefore(text: string, from: number, lead: number): Cue {
  const toks = tokens(text, from, lead);
  for (let k = toks.length - 1; k >= 0 && k >= toks.length - CUE_REACH; k--) {
    const t = toks[k];
    if (t.lower === 'according' && toks[k + 1]?.lower === 'to') {
      const name = asSubject(clauses(text.slice(toks[k + 1].end, lead))[0] ?? '');
      return { found: true, name };
    }
    if (!CUE_VERBS.has(t.lower)) continue;
    const prev = wordBeforeVerb(toks, k);
    if (prev && DETERMINERS.has(prev.lower)) continue; // "his claims": a noun
    if (prev && BE.has(prev.lower)) return { found: true, name: null };
    if (!bridgeHolds(t.lower, text.slice(t.end, lead))) return { found: true, name: null };
    return { found: true, name: subjectBefore(text, from, t.start) };
  }
  return NO_CUE;
}

/** Sentence ends, and opening marks, end the clause that follows a quote. */
const CLAUSE_END = '.!?;:\n“«„"';

/** A cue after a quote: "…,” the report said." / "”, he added" / ", said Wendy Williams". */
function cueAfter(text: string, lastChar: string, tail: number, ceiling: number): Cue {
  const top = Math.min(ceiling, tail + 200);
  const lead = /^\s*(,)?\s*/.exec(text.slice(tail, top)) as RegExpExecArray;
  const from = tail + lead[0].length;
  let to = from;
  while (to < top && !CLAUSE_END.includes(text[to])) to++;
  const toks = tokens(text, from, to, 8);
  if (toks.length === 0) return NO_CUE;
  if (!lead[1] && !',.!?…—–-'.includes(lastChar)) return NO_CUE; // the quote does not end its clause here
  if (toks[0].lower === 'according' && toks[1]?.lower === 'to') {
    return { found: true, name: asSubject(clauses(text.slice(toks[1].end, to))[0] ?? '') };
  }
  for (let k = 0; k < toks.length && k < 7; k++) {
    const t = toks[k];
    if (!CUE_VERBS.has(t.lower) || COMPLEMENTS[t.lower]?.required) continue;
    if (k === 0) return { found: true, name: subjectAfterVerb(text, t.end, to) };
    const prev = wordBeforeVerb(toks, k);
    if (prev && BE.has(prev.lower)) return { found: true, name: null };
    const first = clauses(trimVerbModifiers(text.slice(from, t.start)))[0] ?? '';
    return { found: true, name: asSubject(first) };
  }
  return NO_CUE;
}

/** "said Wendy Williams, HM Inspector" -> "Wendy Williams". */
function subjectAfterVerb(text: string, from: number, to: number): string | null {
  const clause = clauses(text.slice(from, to))[0] ?? '';
  let end = 0;
  for (const t of tokens(clause, 0, clause.length, 8)) {
    if (AFTER_SUBJECT_STOPS.has(t.lower)) break;
    end = t.end;
  }
  return end > 0 ? asSubject(clause.slice(0, end)) : null;
}

function previousTopLevel(quotes: Quote[], i: number): number {
  for (let j = i - 1, steps = 0; j >= 0 && steps < 500; j--, steps++) if (quotes[j].parent === null) return j;
  return -1;
}

/** True when quote p ends its paragraph (give or take a short "she said") right before `paraStart`. */
function continuesInto(text: string, pBounds: MarkBounds, paraStart: number): boolean {
  const { tail } = pBounds;
  if (tail > paraStart || paraStart - tail > 300) return false;
  const end = paragraphEnd(text, tail, paraStart);
  if (end >= paraStart || tokens(text, tail, end, 9).length > 8) return false;
  return onlyMarksAndSpace(text, end, paraStart);
}

/** A paragraph that ends "…, HMICFRS said:" introduces the quotation that follows it. */
function colonCue(text: string, paraStart: number): Cue {
  let c = paraStart - 1;
  while (c >= 0 && c > paraStart - 64 && /\s/.test(text[c])) c--;
  if (c < 0 || text[c] !== ':') return NO_CUE;
  const prevStart = paragraphStart(text, c, c - WINDOW);
  return cueBefore(text, sentenceStart(text, c, prevStart), c + 1);
}

/** The attributions known so far, by quote index. */
type Known = (index: number) => string | null;

/** Each quote's marks, by index: found once, as a quote is attributed and again as the one before the next. */
type BoundsOf = (index: number) => MarkBounds;

function boundsCache(text: string, quotes: Quote[]): BoundsOf {
  const found: MarkBounds[] = [];
  return (j) => (found[j] ??= markBounds(text, quotes[j]));
}

function carried(quotes: Quote[], i: number, known: Known): string | null {
  for (let j = i - 1, seen = 0; j >= 0 && seen < CARRY_REACH; j--) {
    if (quotes[j].parent !== null) continue;
    seen++;
    const name = known(j);
    if (name && !isPronoun(name)) return name;
  }
  return null;
}

/** Where the paragraph starts when only whitespace and quote marks precede `lead` in it, else -1. */
function openedParagraph(text: string, lead: number): number {
  for (let j = lead - 1; j >= 0 && j >= lead - 64; j--) {
    const c = text[j];
    if (c === '\n') return j + 1;
    if (!onlyMarksAndSpace(text, j, j + 1)) return -1;
  }
  return lead <= 64 && onlyMarksAndSpace(text, 0, lead) ? 0 : -1;
}

function attributionAt(text: string, quotes: Quote[], i: number, known: Known, boundsOf: BoundsOf): string | null {
  const q = quotes[i];
  const { lead, tail } = boundsOf(i);
  const lastChar = q.text[q.text.length - 1] ?? '';

  if (q.parent !== null) {
    // A quote inside a quote: only the outer quote's own words can attribute it.
    const outer = quotes[q.parent];
    if (!outer) return null;
    const from = sentenceStart(text, lead, Math.max(outer.start, lead - WINDOW));
    let cue = cueBefore(text, from, lead);
    if (!cue.found) cue = cueAfter(text, lastChar, tail, outer.end);
    return cue.found && cue.name && !isPronoun(cue.name) ? cue.name : null;
  }

  const paraStart = openedParagraph(text, lead);
  const opensParagraph = paraStart >= 0;
  let cue: Cue = NO_CUE;
  if (!opensParagraph) {
    // The lead-in: from the sentence's start, or from the end of a quote earlier in it ("“…,” he said, “…”").
    const p = previousTopLevel(quotes, i);
    const prevTail = p >= 0 ? boundsOf(p).tail : -1;
    const floor = prevTail >= 0 && prevTail <= lead ? Math.max(prevTail, lead - WINDOW) : lead - WINDOW;
    cue = cueBefore(text, sentenceStart(text, lead, Math.max(0, floor)), lead);
  }
  if (!cue.found) cue = cueAfter(text, lastChar, tail, paragraphEnd(text, tail, tail + 200));
  if (!cue.found && opensParagraph) {
    const p = previousTopLevel(quotes, i);
    if (p >= 0 && continuesInto(text, boundsOf(p), paraStart)) return known(p);
    cue = colonCue(text, paraStart);
  }
  if (!cue.found || !cue.name) return null;
  return isPronoun(cue.name) ? carried(quotes, i, known) : cue.name;
}

/** Attributions for all quotes (sorted by start, `parent` set), each one knowing those before it. */
export function attributeAll(text: string, quotes: Quote[]): (string | null)[] {
  return finish(attributeInSteps(text, quotes));
}

/** How many quotes one step of attributeInSteps reads. */
const QUOTES_PER_STEP = 8;

/**
 * attributeAll in steps of QUOTES_PER_STEP quotes. `attributed`, when given, hears the
 * attributions found so far before each pause: a quote's attribution depends only on the quotes
 * before it, so each one it hears is final.
 */
export function* attributeInSteps(
  text: string,
  quotes: Quote[],
  attributed?: (sofar: readonly (string | null)[]) => void,
): Steps<(string | null)[]> {
  const out: (string | null)[] = [];
  const known: Known = (j) => out[j] ?? null;
  const boundsOf = boundsCache(text, quotes);
  for (let i = 0; i < quotes.length; i++) {
    if (i > 0 && i % QUOTES_PER_STEP === 0) {
      attributed?.(out);
      yield;
    }
    out.push(attributionAt(text, quotes, i, known, boundsOf));
  }
  return out;
}

/**
 * Who the article says said quotes[index] (as written: "Wendy Williams", "the report"), or null.
 * `quotes` is detectQuotes' answer for `text`. A pronoun subject resolves to the most recent named
 * attribution before it; the attributions of the quotes just before are recomputed, older ones are
 * taken from their `attribution` field.
 */
export function findAttribution(text: string, quotes: Quote[], index: number): string | null {
  if (!Number.isInteger(index) || index < 0 || index >= quotes.length) return null;
  const from = Math.max(0, index - 2 * CARRY_REACH);
  const computed: (string | null)[] = [];
  const known: Known = (j) => (j >= from && j < index ? computed[j - from] ?? null : quotes[j]?.attribution ?? null);
  const boundsOf = boundsCache(text, quotes);
  for (let j = from; j < index; j++) computed.push(attributionAt(text, quotes, j, known, boundsOf));
  return attributionAt(text, quotes, index, known, boundsOf);
}
