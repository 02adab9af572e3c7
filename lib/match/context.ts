// Evidence outside the quoted words: the article's words around the quote compared with the
// source's words around the match, and the article's attribution compared with the source's
// metadata. Used to accept short quotes and to order matches.
import type { Source } from '../types';
import type { Token } from '../text/tokenize';
import { tokenizeQuick } from '../text/quick-tokenize';
import { isStopword, lightStem } from '../text/stopwords';
import { positionsOf, type IndexedSource } from './library-index';
import type { Lexicon } from './lexicon';

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whitespace-separated pieces to keep beyond the window when cutting: most pieces are one word. */
const CUT_SPARE_PIECES = 2;

/**
 * tokenize(text).slice(-window) for side 'before', tokenize(text).slice(0, window) for 'after',
 * tokenising only the end (or start) of a long text. The text is cut at a single ASCII space
 * between a printable character and a letter or digit: normalisation never joins across such a
 * space, and a token boundary lies there. Only the compound-number merge ("twenty one") can join
 * the two tokens at the cut, so the token next to the cut is never used: the cut text must give
 * at least one token more than the window, or the whole text is tokenised.
 */
export function tokensNear(text: string, side: 'before' | 'after', window: number): Token[] {
  const cut = side === 'before' ? cutBefore(text, window + CUT_SPARE_PIECES) : cutAfter(text, window + CUT_SPARE_PIECES);
  if (cut > 0) {
    const toks = tokenizeQuick(side === 'before' ? text.slice(cut) : text.slice(0, cut));
    if (toks.length > window) return side === 'before' ? toks.slice(-window) : toks.slice(0, window);
  }
  const toks = tokenizeQuick(text);
  return side === 'before' ? toks.slice(-window) : toks.slice(0, window);
}

/** A cut keeping about `pieces` pieces at the text's end, or -1. */
function cutBefore(text: string, pieces: number): number {
  let seen = 0;
  for (let c = text.length - 1; c >= 2; c--) {
    if (text.charCodeAt(c - 1) !== 32) continue;
    const prev = text.charCodeAt(c - 2);
    if (prev === 32) continue;
    seen++;
    if (seen >= pieces && prev > 32 && prev < 127 && isAsciiAlnum(text.charCodeAt(c))) return c;
  }
  return -1;
}

/** A cut keeping about `pieces` pieces at the text's start, or -1. */
function cutAfter(text: string, pieces: number): number {
  let seen = 0;
  for (let c = 1; c < text.length - 1; c++) {
    if (text.charCodeAt(c) !== 32) continue;
    seen++;
    if (seen >= pieces && isAsciiAlnum(text.charCodeAt(c - 1))) return c;
  }
  return -1;
}

/** Stems of the content words of `text`, nearest to the quote first. */
function contentStems(text: string | undefined, side: 'before' | 'after', window: number): string[] {
  if (!text) return [];
  const near = tokensNear(text, side, window);
  const slice = side === 'before' ? near.reverse() : near;
  return slice.map((t) => (isStopword(t.form) ? '' : lightStem(t.key)));
}

export interface ArticleContext {
  before: string[]; // nearest first; '' for stopwords (keeps distances)
  after: string[];
}

export function articleContext(before: string | undefined, after: string | undefined, window: number): ArticleContext {
  return { before: contentStems(before, 'before', window), after: contentStems(after, 'after', window) };
}

/** Source content-word stems around token range [s0, s1): stem → nearest distance in words. */
function sourceNeighbours(entry: IndexedSource, s0: number, s1: number, window: number): Map<string, number> {
  const out = new Map<string, number>();
  const keys = entry.words;
  const lx = entry.lexicon;
  const note = (i: number, dist: number) => {
    const w = keys[i];
    if (lx.stop[w]) return;
    const st = lx.stems[lx.stemOf[w]];
    const prev = out.get(st);
    if (prev === undefined || dist < prev) out.set(st, dist);
  };
  for (let d = 1; d <= window && s0 - d >= 0; d++) note(s0 - d, d);
  for (let d = 1; d <= window && s1 - 1 + d < keys.length; d++) note(s1 - 1 + d, d);
  return out;
}

/**
 * Does the source's neighbourhood of [s0, s1) share at least `minShared` distinct content words
 * with the article's context? `near` > 0 demands that each shared word be within `near` words on
 * both sides of the comparison.
 */
export function contextSupports(
  ctx: ArticleContext,
  entry: IndexedSource,
  s0: number,
  s1: number,
  sourceWindow: number,
  near = 0,
  minShared = 1,
): boolean {
  const around = sourceNeighbours(entry, s0, s1, sourceWindow);
  const shared = new Set<string>();
  for (const side of [ctx.before, ctx.after]) {
    for (let i = 0; i < side.length; i++) {
      const st = side[i];
      if (!st) continue;
      const dist = around.get(st);
      if (dist === undefined) continue;
      if (near <= 0 || (i + 1 <= near && dist <= near)) shared.add(st);
      if (shared.size >= minShared) return true;
    }
  }
  return false;
}

/** How many of the article's context words recur near the match (orders equal matches). */
export function contextOverlap(ctx: ArticleContext, entry: IndexedSource, s0: number, s1: number, window: number): number {
  const around = sourceNeighbours(entry, s0, s1, window);
  const seen = new Set<string>();
  for (const st of [...ctx.before, ...ctx.after]) if (st && around.has(st)) seen.add(st);
  return seen.size;
}

const NOT_NEAR = 0x7fffffff;

// The stem numbers of context words' keys, per lexicon: its own map of keys is large (a lookup
// misses the processor's caches), and the same few thousand words recur from quote to quote. An
// answer holds while the lexicon has the same words: all are forgotten when it grows.
const CONTEXT_STEMS_LIMIT = 8192;
const contextStemsByLexicon = new WeakMap<Lexicon, { size: number; stems: Map<string, number> }>();

/** The lexicon's stem number for a (non-stopword) key, -1 when no source word has that stem. */
function contextStemOf(key: string, lexicon: Lexicon): number {
  let memo = contextStemsByLexicon.get(lexicon);
  if (memo === undefined || memo.size !== lexicon.size) {
    memo = { size: lexicon.size, stems: new Map() };
    contextStemsByLexicon.set(lexicon, memo);
  }
  let st = memo.stems.get(key);
  if (st === undefined) {
    const w = lexicon.idOf(key);
    st = w >= 0 ? lexicon.stemOf[w] : lexicon.stemIdOf(lightStem(key));
    if (!(st >= 0 && lexicon.stems[st] !== '')) st = -1; // an empty stem is no word
    if (memo.stems.size >= CONTEXT_STEMS_LIMIT) memo.stems.clear();
    memo.stems.set(key, st);
  }
  return st;
}

// Word number → index among the context's stems, for the ContextStems that last claimed them
// (claimWords): valid where wordGen[word] === wordGeneration, and only for content words. A place's
// neighbours are then looked up by their word numbers alone, one table instead of four (the
// stopword flag, the word's stem, the stem's generation and index).
let wordGen = new Int32Array(1024);
let wordIndex = new Int32Array(1024);
let wordGeneration = 0;
let wordOwner: ContextStems | null = null;
let wordLexicon: Lexicon | null = null;
let wordLexiconSize = -1;

/**
 * The article's context as the library's stem numbers, for comparing it with many places in the
 * sources of one index: contextSupports and contextOverlap answered by reading word numbers around
 * a place, without building a map of stems for each place. Valid while the lexicon holds the same
 * words (one quote's check).
 */
export class ContextStems {
  private readonly stemIds: number[] = []; // distinct stems of the context found in the lexicon
  private readonly before: Int32Array; // per context word: index in stemIds, -1 for none
  private readonly after: Int32Array;
  private readonly dist: Int32Array; // per distinct stem: nearest distance in the current window
  private readonly sharedMark: Int32Array;
  private stamp = 0;
  private contentWords: number[][] | null = null; // see mayShare
  private held: Int32Array | null = null; // see stemsHeldBy
  private heldNear = -1;

  /** Stem numbers of the context's words on each side, nearest first (-1 for none). */
  private constructor(before: number[], after: number[]) {
    this.before = this.numbered(before);
    this.after = this.numbered(after);
    this.dist = new Int32Array(this.stemIds.length);
    this.sharedMark = new Int32Array(this.stemIds.length);
  }

  /** From an ArticleContext's stems (see articleContext). */
  static fromContext(ctx: ArticleContext, lexicon: Lexicon): ContextStems {
    const stemNumber = (st: string): number => (st ? lexicon.stemIdOf(st) : -1);
    return new ContextStems(ctx.before.map(stemNumber), ctx.after.map(stemNumber));
  }

  /**
   * The same as `ContextStems.fromContext(articleContext(before, after, window), lexicon)`, reading a
   * word's stem from the lexicon when it holds the word (it stores lightStem of each key).
   */
  static of(before: string | undefined, after: string | undefined, window: number, lexicon: Lexicon): ContextStems {
    const stemNumbers = (text: string | undefined, side: 'before' | 'after'): number[] => {
      if (!text) return [];
      const near = tokensNear(text, side, window);
      if (side === 'before') near.reverse();
      return near.map((t) => (isStopword(t.form) ? -1 : contextStemOf(t.key, lexicon)));
    };
    return new ContextStems(stemNumbers(before, 'before'), stemNumbers(after, 'after'));
  }

  /** Stem numbers (-1: none) as indices into this.stemIds, which collects them. */
  private numbered(stems: number[]): Int32Array {
    const out = new Int32Array(stems.length);
    for (let i = 0; i < stems.length; i++) {
      const id = stems[i];
      if (id < 0) {
        out[i] = -1; // a stopword, or no source word has this stem: it can never be shared
        continue;
      }
      let k = this.stemIds.indexOf(id);
      if (k < 0) {
        k = this.stemIds.length;
        this.stemIds.push(id);
      }
      out[i] = k;
    }
    return out;
  }

  /** Whether the context has any word a source could share. */
  get empty(): boolean {
    return this.stemIds.length === 0;
  }

  /**
   * Whether at least `minShared` of the context's stems occur in the source as content words:
   * when not, no place in it can share that many (a whole-source bound for contextSupports).
   */
  mayShare(entry: IndexedSource, minShared: number): boolean {
    if (minShared <= 0) return true;
    const lx = entry.lexicon;
    // Per stem, its content words (the lexicon's, for this context, listed once).
    const groups = lx.stemGroups;
    this.contentWords ??= this.stemIds.map((st) => groups.contentWords(st, lx.stop));
    let found = 0;
    for (const ws of this.contentWords) {
      for (const w of ws) {
        if (positionsOf(entry, w).length > 0) {
          if (++found >= minShared) return true;
          break;
        }
      }
    }
    return false;
  }

  /**
   * How many of the context's stems source `slot` holds as content words, counting with `near` > 0
   * only the stems of the article's `near` words nearest the quote: the only ones that can support
   * a place then (see supportedByDist). A source holding fewer than `minShared` of them supports
   * no place, so its places need not be read. Worked out once for every source, from the slots
   * holding each content word of those stems (`sourcesWithWord`), and kept for this `near`.
   */
  stemsHeldBy(slot: number, near: number, lexicon: Lexicon, sourcesWithWord: (word: number) => readonly number[]): number {
    if (this.held === null || this.heldNear !== near) {
      this.held = this.countHeld(near, lexicon, sourcesWithWord);
      this.heldNear = near;
    }
    return slot < this.held.length ? this.held[slot] : 0;
  }

  private countHeld(near: number, lx: Lexicon, sourcesWithWord: (word: number) => readonly number[]): Int32Array {
    const eligible: number[] = []; // indices into stemIds
    if (near > 0) {
      for (const side of [this.before, this.after]) {
        for (let i = 0; i < side.length && i < near; i++) if (side[i] >= 0 && !eligible.includes(side[i])) eligible.push(side[i]);
      }
    } else {
      for (let k = 0; k < this.stemIds.length; k++) eligible.push(k);
    }
    const groups = lx.stemGroups;
    const lists = eligible.map((k) => groups.contentWords(this.stemIds[k], lx.stop).map(sourcesWithWord));
    let size = 0;
    for (const ofStem of lists) for (const slots of ofStem) if (slots.length > 0) size = Math.max(size, slots[slots.length - 1] + 1);
    const held = new Int32Array(size);
    const lastStem = new Int32Array(size).fill(-1); // a stem counts once per source, whichever of its words it holds
    for (let e = 0; e < lists.length; e++) {
      for (const slots of lists[e]) {
        for (let i = 0; i < slots.length; i++) {
          const slot = slots[i];
          if (lastStem[slot] !== e) {
            lastStem[slot] = e;
            held[slot]++;
          }
        }
      }
    }
    return held;
  }

  /**
   * Make the module's word table answer for this context in lexicon `lx`: every content word
   * whose stem is one of the context's, with that stem's index (the words of a stem are the
   * lexicon's stemGroups).
   */
  private claimWords(lx: Lexicon): void {
    if (wordOwner === this && wordLexicon === lx && wordLexiconSize === lx.size) return;
    const size = lx.size;
    if (wordGen.length < size) {
      const grown = Math.max(size, wordGen.length * 2);
      wordGen = new Int32Array(grown);
      wordIndex = new Int32Array(grown);
      wordGeneration = 0;
    }
    if (++wordGeneration === 0x7fffffff) {
      wordGen.fill(0);
      wordGeneration = 1;
    }
    const { start, words } = lx.stemGroups;
    const stop = lx.stop;
    for (let k = 0; k < this.stemIds.length; k++) {
      const st = this.stemIds[k];
      for (let i = start[st], end = start[st + 1]; i < end; i++) {
        const w = words[i];
        if (stop[w]) continue;
        wordGen[w] = wordGeneration;
        wordIndex[w] = k;
      }
    }
    wordOwner = this;
    wordLexicon = lx;
    wordLexiconSize = size;
  }

  /** Nearest distance of each context stem to [s0, s1) within `window` words, in this.dist. */
  private measure(entry: IndexedSource, s0: number, s1: number, window: number): void {
    const dist = this.dist;
    dist.fill(NOT_NEAR);
    const keys = entry.words;
    this.claimWords(entry.lexicon);
    const gen = wordGeneration;
    const tags = wordGen;
    const index = wordIndex;
    for (let d = 1; d <= window && s0 - d >= 0; d++) {
      const w = keys[s0 - d];
      if (tags[w] === gen && d < dist[index[w]]) dist[index[w]] = d;
    }
    for (let d = 1; d <= window && s1 - 1 + d < keys.length; d++) {
      const w = keys[s1 - 1 + d];
      if (tags[w] === gen && d < dist[index[w]]) dist[index[w]] = d;
    }
  }

  /** The same answer as contextSupports for the context this was made from. */
  supports(entry: IndexedSource, s0: number, s1: number, sourceWindow: number, near = 0, minShared = 1): boolean {
    if (this.stemIds.length === 0) return false;
    // With `near`, a word further away never counts: the nearer window finds the same distances.
    this.measure(entry, s0, s1, near > 0 && minShared >= 1 ? Math.min(sourceWindow, near) : sourceWindow);
    return this.supportedByDist(near, minShared);
  }

  /**
   * contextOverlap(…, window) of a place, or -1 when `near` is not null and contextSupports(…,
   * window, near, minShared) says no: both from one look at the place's neighbourhood.
   */
  placeScore(entry: IndexedSource, s0: number, s1: number, window: number, near: number | null, minShared: number): number {
    if (this.stemIds.length === 0) return near === null ? 0 : -1;
    if (near !== null && near > 0 && minShared >= 1 && near < window) {
      // Only words within `near` can support the place (see supports): most places of a single
      // word have none, and are turned down after a look at that narrower window alone.
      this.measure(entry, s0, s1, near);
      if (!this.supportedByDist(near, minShared)) return -1;
      this.measure(entry, s0, s1, window);
    } else {
      this.measure(entry, s0, s1, window);
      if (near !== null && !this.supportedByDist(near, minShared)) return -1;
    }
    let n = 0;
    for (let k = 0; k < this.dist.length; k++) if (this.dist[k] !== NOT_NEAR) n++;
    return n;
  }

  /** contextSupports' decision from distances already measured. */
  private supportedByDist(near: number, minShared: number): boolean {
    const dist = this.dist;
    const mark = this.sharedMark;
    const stamp = ++this.stamp;
    let shared = 0;
    for (const side of [this.before, this.after]) {
      for (let i = 0; i < side.length; i++) {
        const k = side[i];
        if (k < 0 || dist[k] === NOT_NEAR) continue;
        if ((near <= 0 || (i + 1 <= near && dist[k] <= near)) && mark[k] !== stamp) {
          mark[k] = stamp;
          shared++;
        }
        if (shared >= minShared) return true;
      }
    }
    return false;
  }

  /** The same answer as contextOverlap for the context this was made from. */
  overlap(entry: IndexedSource, s0: number, s1: number, window: number): number {
    if (this.stemIds.length === 0) return 0;
    this.measure(entry, s0, s1, window);
    let n = 0;
    for (let k = 0; k < this.dist.length; k++) if (this.dist[k] !== NOT_NEAR) n++;
    return n;
  }
}

// What an article calls a source ("the watchdog", "police chiefs") and what it means.
const ATTRIBUTION_LEXICON: Array<{ cue: RegExp; matches: (s: Source) => boolean }> = [
  { cue: /\breports?\b/, matches: (s) => s.type === 'report' },
  { cue: /\b(press release|release|announcement)\b/, matches: (s) => s.type === 'press-release' },
  { cue: /\bstatement\b/, matches: (s) => s.type === 'statement' },
  { cue: /\bspeech\b/, matches: (s) => s.type === 'speech' },
  {
    cue: /\b(watchdog|inspectorate|inspectors?|inspection|hmicfrs|hmic)\b/,
    matches: (s) => /inspectorate|hmicfrs/i.test(s.publisher ?? ''),
  },
  {
    cue: /\b(police chiefs|npcc)\b/,
    matches: (s) => /national police chiefs|npcc/i.test(`${s.publisher ?? ''} ${s.speaker ?? ''}`),
  },
];

function stemsOf(text: string | null | undefined): Set<string> {
  const out = new Set<string>();
  if (!text) return out;
  for (const t of tokenizeQuick(text)) if (!isStopword(t.form) && t.form.length > 1) out.add(lightStem(t.key));
  return out;
}

// Stems of sources' metadata, by text: the same few publishers, speakers and titles are compared
// with every quote's attribution. Bounded, so a library of many distinct titles cannot grow it.
const METADATA_STEMS_LIMIT = 4096;
const metadataStems = new Map<string, Set<string>>();

function cachedStemsOf(text: string): Set<string> {
  let stems = metadataStems.get(text);
  if (stems === undefined) {
    if (metadataStems.size >= METADATA_STEMS_LIMIT) metadataStems.clear();
    stems = stemsOf(text);
    metadataStems.set(text, stems);
  }
  return stems;
}

/** The stems of a source's publisher, speaker and author together, and of its title. */
interface SourceStems {
  publisher: string | null;
  speaker: string | null;
  author: string | null;
  title: string;
  who: Set<string>;
  inTitle: Set<string>;
}

// Per source object, its metadata's stems, made once instead of a joined string per quote that
// reaches the source; taken again when the source's metadata is not what they were made from.
const stemsBySource = new WeakMap<Source, SourceStems>();

function sourceStems(source: Source): SourceStems {
  let stems = stemsBySource.get(source);
  const { publisher, speaker, author } = source;
  const title = source.title ?? '';
  if (stems === undefined || stems.publisher !== publisher || stems.speaker !== speaker || stems.author !== author || stems.title !== title) {
    stems = {
      publisher,
      speaker,
      author,
      title,
      who: cachedStemsOf([publisher, speaker, author].filter(Boolean).join(' ')),
      inTitle: cachedStemsOf(title),
    };
    stemsBySource.set(source, stems);
  }
  return stems;
}

/** An article's attribution, read once and compared with any number of sources. */
export class Attribution {
  private readonly cues: Array<(s: Source) => boolean>; // the lexicon entries whose cue the attribution has
  private readonly said: Set<string>;

  constructor(readonly text: string | null | undefined) {
    const lower = text ? text.toLowerCase().replace(/[’']/g, "'") : '';
    this.cues = ATTRIBUTION_LEXICON.filter((entry) => entry.cue.test(lower)).map((entry) => entry.matches);
    this.said = stemsOf(text);
  }

  /** See attributionScore. */
  score(source: Source): number {
    if (!this.text) return 0;
    let score = 0;
    for (const matches of this.cues) if (matches(source)) score++;
    const { who, inTitle: title } = sourceStems(source);
    for (const st of this.said) if (who.has(st)) score++;
    // A title is about a topic, not a speaker: one shared word ("police") says nothing; two or more
    // suggest the article names the document.
    let inTitle = 0;
    for (const st of this.said) if (title.has(st) && !who.has(st)) inTitle++;
    if (inTitle >= 2) score += inTitle;
    return score;
  }
}

/**
 * How well the article's attribution names this source: lexicon cues that fit plus content words
 * shared with its publisher, speaker and author (and title, see Attribution.score). 0 = no agreement.
 */
export function attributionScore(attribution: string | null | undefined, source: Source): number {
  return new Attribution(attribution).score(source);
}
