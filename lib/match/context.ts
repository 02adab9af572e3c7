// Evidence outside the quoted words: the article's words around the quote compared with the
// source's words around the match, and the article's attribution compared with the source's
// metadata. Used to accept short quotes and to order matches.
import type { Source } from '../types';
import { tokenize } from '../text/tokenize';
import { isStopword, lightStem } from '../text/stopwords';
import type { IndexedSource } from './library-index';

/** Stems of the content words of `text`, nearest to the quote first. */
function contentStems(text: string | undefined, side: 'before' | 'after', window: number): string[] {
  if (!text) return [];
  const toks = tokenize(text);
  const slice = side === 'before' ? toks.slice(-window).reverse() : toks.slice(0, window);
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
  for (const t of tokenize(text)) if (!isStopword(t.form) && t.form.length > 1) out.add(lightStem(t.key));
  return out;
}

/**
 * How well the article's attribution names this source: lexicon cues that fit plus content words
 * shared with its publisher, speaker and author (and title, see below). 0 = no agreement.
 */
export function attributionScore(attribution: string | null | undefined, source: Source): number {
  if (!attribution) return 0;
  const lower = attribution.toLowerCase().replace(/[’']/g, "'");
  let score = 0;
  for (const entry of ATTRIBUTION_LEXICON) if (entry.cue.test(lower) && entry.matches(source)) score++;
  const said = stemsOf(attribution);
  const who = stemsOf([source.publisher, source.speaker, source.author].filter(Boolean).join(' '));
  for (const st of said) if (who.has(st)) score++;
  // A title is about a topic, not a speaker: one shared word ("police") says nothing; two or more
  // suggest the article names the document.
  const title = stemsOf(source.title);
  const inTitle = [...said].filter((st) => title.has(st) && !who.has(st)).length;
  if (inTitle >= 2) score += inTitle;
  return score;
}
