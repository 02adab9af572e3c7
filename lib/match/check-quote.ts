// One quote against the whole library: candidates from the fingerprint index, word alignment of
// each candidate, a verdict per source, then the primary match and every other source it is in.
import type { AlsoIn, QuoteCheck, QuoteQuery, Verdict } from '../types';
import { VERDICT_INFO } from '../verdicts';
import { hasWords, SHORT_QUOTE_WORDS } from '../text/words';
import { normalizeForMatch } from '../text/normalize';
import { isStopword } from '../text/stopwords';
import { alignWords, lastOccurrence, MAX_ALIGN_CELLS, type Column } from './align';
import { Candidates, type Chain } from './candidates';
import { mayAnchorPartsAt, mayReachVerdict, possibleMatchesAt, wordsPresent } from './chain-bound';
import { Attribution, ContextStems } from './context';
import { buildMatch } from './evidence';
import { caseDifference, FIRST_UNIT_DIFFERS, SAME_CASE, sameFoldedForm, samePunctuation } from './word-forms';
import { hashKey } from './fingerprints';
import { wordIndexIn, type IndexedSource, type LibraryIndex, type WordPlaces } from './library-index';
import { maxGap, parseQuote, type ParsedQuote } from './quote-parts';
import {
  ALTERED_MIN_SIMILARITY,
  EDGE_SLACK_WORDS,
  KGRAM_WORDS,
  MAX_UNMARKED_GAP_WORDS,
  NEAR_PART_MIN_RATIO,
  PARTIAL_MAX_REST_RATIO,
  PARTIAL_MIN_CONTENT_WORDS,
  PARTIAL_MIN_MATCH_RATIO,
  PARTIAL_MIN_REST_WORDS,
  PARTIAL_MIN_SHARE,
  PARTIAL_MIN_WORDS,
  SHORT_CONTEXT_QUOTE_WINDOW,
  SHORT_CONTEXT_SOURCE_WINDOW,
  SHORT_CONTEXT_MIN_SHARED,
  SINGLE_WORD_CONTEXT_NEAR,
  SPLICE_MIN_COVERAGE,
  SPLICE_MIN_PART_WORDS,
} from './thresholds';

/** Source words looked at around a long quote's match when comparing the article's context. */
const LONG_CONTEXT_WINDOW = 30;

const NOT_FOUND: QuoteCheck = { verdict: 'not_found', match: null, alsoIn: [] };

/** A part of the quote aligned somewhere in one source. */
interface PartAlignment {
  slot: number;
  part: number;
  cols: Column[];
  eq: number; // equal words (a word cut off by the source's end counts when it is a prefix)
  cut: boolean; // the source's last word is a truncated prefix of the quote's word
  sourceEnds: boolean; // the source's text stops while quote words remain
  srcWords: number; // source words in the alignment
  sFirst: number; // first and last source token aligned (-1 when none)
  sLast: number;
  exact: boolean; // every word equal by key, none added or dropped
}

/** A verdict for the quote against one source. */
interface Reading {
  slot: number;
  verdict: Exclude<Verdict, 'not_found'>;
  s0: number; // source token span [s0, s1)
  s1: number;
  eq: number;
  similarity: number; // matching words over the larger of the quote's and the source's word counts
  sourceEnds: boolean;
  context?: number; // contextScore, once computed
}

const NO_SLOTS: readonly number[] = [];
// A short quote's places in one source, reused.
let shortPlaces = new Uint32Array(64);

/** A word of a short quote other than the one walked, read through its gathered positions. */
interface OtherWord {
  j: number; // its place in the phrase
  places: WordPlaces;
  cursor: number; // index into places.slots of the source being read
  at: number; // next of its positions in that source to compare, up to end
  end: number;
}

// The word pairs surface compares, reused (it never runs inside itself).
let pairQScratch = new Int32Array(64);
let pairSScratch = new Int32Array(64);

/** Room for `count` word pairs for surface. */
function surfacePairs(count: number): { q: Int32Array; s: Int32Array } {
  if (pairQScratch.length < count) {
    pairQScratch = new Int32Array(2 * count);
    pairSScratch = new Int32Array(2 * count);
  }
  return { q: pairQScratch, s: pairSScratch };
}

// judgeSingle's per-word tables, reused (it never runs inside itself).
let eqAtScratch = new Uint8Array(64);
let delsBeforeScratch = new Int32Array(64);
let eqPrefixScratch = new Int32Array(64);

// A quote's blocks and chains, in typed arrays reused from quote to quote (a check runs to its end
// before the next one starts).
const quoteCandidates = new Candidates();
// Per slot, a mark that its source's chains may anchor a reading of the current quote in parts
// (markHopefulSlots): hopeful[slot] === hopeStamp.
let hopeful = new Int32Array(256);

/**
 * Scratch for the chain bounds' flags, one a word, and for a quote's key hashes (read only while
 * its blocks are found): shared by every check instead of allocated per quote, since each is
 * filled and read within one call and nothing kept refers to it.
 */
let flagScratch = new Uint8Array(64);
let keyHashSpace = new Uint32Array(64);

/** Flags for `n` words (entries past n are left over). */
function boundFlags(n: number): Uint8Array {
  if (flagScratch.length < n) flagScratch = new Uint8Array(Math.max(n, flagScratch.length * 2));
  return flagScratch;
}

/** Room for `n` key hashes (entries past n are left over). */
function keyHashScratch(n: number): Uint32Array {
  if (keyHashSpace.length < n) keyHashSpace = new Uint32Array(Math.max(n, keyHashSpace.length * 2));
  return keyHashSpace;
}

let hopeStamp = 0;

function rank(v: Verdict): number {
  return VERDICT_INFO[v].rank;
}

class QuoteMatcher {
  readonly qKeys: string[];
  readonly qWords: Int32Array; // the keys as lexicon word numbers (LibraryIndex.wordNumbers)
  readonly n: number;
  // The article's context and attribution are read only to choose among readings and to accept a
  // short quote: most quotes (all not found, most found once) never need them, so they are built
  // on first use.
  private ctxMemo: ContextStems | null = null;
  private saidMemo: Attribution | null = null;
  private attributionBySlot: Map<number, number> | null = null; // made on first use, like the two above
  private readonly nearby = new Map<string, PartAlignment | null>(); // alignNear's answers
  maxAlteredEq = 0;

  constructor(
    readonly index: LibraryIndex,
    readonly query: QuoteQuery,
    readonly pq: ParsedQuote,
    readonly only: number | null = null, // restrict to one source slot
    readonly pruned = true, // false: every bound that skips work is off (the same answer, slowly)
  ) {
    this.qKeys = pq.tokens.map((t) => t.key);
    this.qWords = index.wordNumbers(this.qKeys);
    this.n = pq.words;
  }

  /** The article's words around the quote as the library's stems. */
  get ctx(): ContextStems {
    return (this.ctxMemo ??= ContextStems.of(this.query.before, this.query.after, SHORT_CONTEXT_QUOTE_WINDOW, this.index.lexicon));
  }

  /** The article's attribution of the quote. */
  get said(): Attribution {
    return (this.saidMemo ??= new Attribution(this.query.attribution));
  }

  // --- alignment ---------------------------------------------------------------------------

  /** Summarise columns of a part aligned in a source. */
  summarise(slot: number, part: number, cols: Column[]): PartAlignment {
    const entry = this.index.entry(slot)!;
    const N = entry.words.length;
    let cut = false;
    let sourceEnds = false;
    let lastS = -1;
    for (let c = cols.length - 1; c >= 0; c--) {
      if (cols[c].s >= 0) {
        lastS = c;
        break;
      }
    }
    if (lastS >= 0 && cols[lastS].s === N - 1) {
      const after = cols.slice(lastS + 1).some((c) => c.kind === 'ins');
      const col = cols[lastS];
      if (col.kind === 'sub' && col.q >= 0) {
        // The excerpt stops mid-word: "investig" for "investigate".
        const srcForm = normalizeForMatch(
          entry.source.text.slice(entry.data.tokenStarts[col.s], entry.data.tokenEnds[col.s]),
        ).text;
        const endsHere = entry.source.text.slice(entry.data.tokenEnds[col.s]).trim() === '';
        if (endsHere && srcForm.length >= 2 && this.pq.tokens[col.q].form.startsWith(srcForm)) {
          cols[lastS] = { ...col, kind: 'eq' };
          cut = true;
        }
      }
      if (after && cols[lastS].kind === 'eq') sourceEnds = true;
    }
    let eq = 0;
    let srcWords = 0;
    let sFirst = -1;
    let sLast = -1;
    let exact = !cut;
    for (const c of cols) {
      if (c.kind === 'eq') eq++;
      else exact = false;
      if (c.s >= 0) {
        srcWords++;
        if (sFirst < 0) sFirst = c.s;
        sLast = c.s;
      }
    }
    return { slot, part, cols, eq, cut, sourceEnds, srcWords, sFirst, sLast, exact };
  }

  /** Align a whole part along chain c: exact blocks, small DPs between them and at the edges. */
  alignChain(c: number): PartAlignment {
    const cands = quoteCandidates;
    const slot = cands.chainSlot[c];
    const pi = cands.chainPart[c];
    const part = this.pq.parts[pi];
    const keys = this.index.entry(slot)!.words;
    const { q0, q1, s0, s1, members } = cands;
    const from = cands.first[c];
    const to = from + cands.count[c];
    const cols: Column[] = [];
    const first = members[from];
    if (q0[first] > part.from) {
      const len = q0[first] - part.from;
      appendColumns(cols, alignWords(this.qWords, part.from, q0[first], keys, Math.max(0, s0[first] - len - EDGE_SLACK_WORDS), s0[first], 'suffix'));
    }
    for (let k = from; k < to; k++) {
      const b = members[k];
      if (k > from) {
        const a = members[k - 1];
        appendColumns(cols, alignWords(this.qWords, q1[a], q0[b], keys, s1[a], s0[b], 'global'));
      }
      for (let q = q0[b], at = s0[b]; q < q1[b]; q++, at++) cols.push({ kind: 'eq', q, s: at });
    }
    const last = members[to - 1];
    if (q1[last] < part.to) {
      const len = part.to - q1[last];
      appendColumns(cols, alignWords(this.qWords, q1[last], part.to, keys, s1[last], Math.min(keys.length, s1[last] + len + EDGE_SLACK_WORDS), 'prefix'));
    }
    return this.summarise(slot, pi, cols);
  }

  /** False when chain c's alignment provably cannot give a single-part quote any verdict (see chain-bound.ts). */
  worthAligning(c: number): boolean {
    const cands = quoteCandidates;
    const part = this.pq.parts[cands.chainPart[c]];
    // The chain's own words already reach the altered threshold (see mayReachVerdict).
    const n = part.to - part.from;
    if (cands.words[c] >= (ALTERED_MIN_SIMILARITY * n) / (2 - ALTERED_MIN_SIMILARITY)) return true;
    const flags = possibleMatchesAt(cands, c, part, this.qWords, this.index.libraryWords(), boundFlags(this.pq.tokens.length));
    return flags === null || mayReachVerdict(flags, n);
  }

  /**
   * Mark the sources at least one of whose chains could anchor a reading of a quote in parts (see
   * mayAnchorParts): hopeful[slot] === hopeStamp afterwards; the others are not aligned at all.
   */
  markHopefulSlots(): void {
    const cands = quoteCandidates;
    const parts = this.pq.parts;
    if (++hopeStamp === 0x7fffffff) {
      hopeful.fill(0);
      hopeStamp = 1;
    }
    const library = this.index.libraryWords();
    for (let c = 0; c < cands.chains; c++) {
      const slot = cands.chainSlot[c];
      if (slot >= hopeful.length) {
        const wider = new Int32Array(Math.max(slot + 1, hopeful.length * 2));
        wider.set(hopeful);
        hopeful = wider;
      }
      if (hopeful[slot] === hopeStamp) continue;
      if (mayAnchorPartsAt(cands, c, parts, this.qWords, library, boundFlags(this.pq.tokens.length))) hopeful[slot] = hopeStamp;
    }
  }

  /** Look for a part inside a source window (next to a part already placed). */
  alignNear(slot: number, part: number, from: number, to: number): PartAlignment | null {
    const p = this.pq.parts[part];
    const keys = this.index.entry(slot)!.words;
    const lo = Math.max(0, from);
    const hi = Math.min(keys.length, to);
    if (hi <= lo) return null;
    // Anchors of one source often look for the same part in the same window: align it once.
    const id = `${slot}:${part}:${lo}:${hi}`;
    let al = this.nearby.get(id);
    if (al === undefined) {
      al = this.alignNearUncached(slot, part, lo, hi);
      this.nearby.set(id, al);
    }
    return al;
  }

  private alignNearUncached(slot: number, part: number, lo: number, hi: number): PartAlignment | null {
    const p = this.pq.parts[part];
    const entry = this.index.entry(slot)!;
    const keys = entry.words;
    const len = p.to - p.from;
    if (!this.pruned) return this.judgeNear(slot, part, lo, hi);
    // Bound before aligning: a word can only come out equal if it occurs in the window, plus one
    // word cut off by the source's end (see summarise). A part of one or two words must be exact,
    // which the aligner finds without its DP.
    if (len > 2) {
      const cutOff = hi === keys.length ? 1 : 0;
      const possible = wordsPresent(this.qWords, p.from, p.to, keys, lo, hi, entry.lexicon.size) + cutOff;
      if (possible / len < NEAR_PART_MIN_RATIO) return null;
    } else if ((len + 1) * (hi - lo + 1) <= MAX_ALIGN_CELLS && lastOccurrence(this.qWords, p.from, p.to, keys, lo, hi) < 0) {
      return null;
    }
    return this.judgeNear(slot, part, lo, hi);
  }

  /** A part aligned inside a window, kept when it matches closely enough. */
  private judgeNear(slot: number, part: number, lo: number, hi: number): PartAlignment | null {
    const p = this.pq.parts[part];
    const len = p.to - p.from;
    const keys = this.index.entry(slot)!.words;
    const al = this.summarise(slot, part, alignWords(this.qWords, p.from, p.to, keys, lo, hi, 'fit'));
    if (al.sFirst < 0) return null;
    if (len <= 2 ? !al.exact : al.eq / len < NEAR_PART_MIN_RATIO) return null;
    return al;
  }

  /** Equal words in quote token range [from, to) that are content words (not stopwords). */
  contentWords(al: PartAlignment, from: number, to: number): number {
    let n = 0;
    for (const c of al.cols) if (c.kind === 'eq' && c.q >= from && c.q < to && !isStopword(this.pq.tokens[c.q].form)) n++;
    return n;
  }

  // --- verbatim or minor -------------------------------------------------------------------

  /**
   * For an exact alignment of quote words pairQ[k] to source words pairS[k] (k < count): verbatim
   * when only quote style, case of a first letter and edge punctuation differ. Words and the marks
   * between them are compared in place (word-forms.ts), without building their forms.
   */
  surface(entry: IndexedSource, pairQ: Int32Array, pairS: Int32Array, count: number, partStart: number): 'verbatim' | 'minor' {
    const src = entry.source.text;
    const { tokenStarts, tokenEnds } = entry.data;
    const qt = this.pq.tokens;
    const qText = this.pq.text;
    for (let k = 0; k < count; k++) {
      const q = pairQ[k];
      const s = pairS[k];
      const tok = qt[q];
      if (!sameFoldedForm(tok.form, src, tokenStarts[s], tokenEnds[s])) return 'minor';
      const cased = caseDifference(qText, tok.start, tok.end, src, tokenStarts[s], tokenEnds[s]);
      if (cased !== SAME_CASE && !(q === partStart && cased === FIRST_UNIT_DIFFERS)) return 'minor';
      if (k > 0 && q !== partStart) {
        if (!samePunctuation(qText, qt[pairQ[k - 1]].end, tok.start, src, tokenEnds[pairS[k - 1]], tokenStarts[s])) return 'minor';
      }
    }
    return 'verbatim';
  }

  // --- one source --------------------------------------------------------------------------

  /** A single-part quote against one of its alignments. */
  judgeSingle(al: PartAlignment): Reading | null {
    const part = this.pq.parts[al.part];
    const n = part.to - part.from;
    const entry = this.index.entry(al.slot)!;
    if (al.exact && al.eq === n) {
      const cols = al.cols;
      const { q: pairQ, s: pairS } = surfacePairs(cols.length);
      for (let k = 0; k < cols.length; k++) {
        pairQ[k] = cols[k].q;
        pairS[k] = cols[k].s;
      }
      const surface = this.surface(entry, pairQ, pairS, cols.length, part.from);
      const verdict = this.pq.editorial ? 'elided' : surface;
      return { slot: al.slot, verdict, s0: al.sFirst, s1: al.sLast + 1, eq: n, similarity: 1, sourceEnds: false };
    }
    // Per quote word: equal or not; dropped source words before it (arrays reused from call to call).
    if (eqAtScratch.length < n + 1) {
      eqAtScratch = new Uint8Array(2 * (n + 1));
      delsBeforeScratch = new Int32Array(2 * (n + 1));
      eqPrefixScratch = new Int32Array(2 * (n + 1));
    }
    const eqAt = eqAtScratch;
    const delsBefore = delsBeforeScratch;
    eqAt.fill(0, 0, n);
    delsBefore.fill(0, 0, n + 1);
    let dels = 0;
    for (const c of al.cols) {
      if (c.kind === 'del') dels++;
      else if (c.q >= 0) {
        delsBefore[c.q - part.from] = dels;
        if (c.kind === 'eq') eqAt[c.q - part.from] = 1;
      }
    }
    delsBefore[n] = dels;
    const eqPrefix = eqPrefixScratch;
    eqPrefix[0] = 0;
    for (let i = 0; i < n; i++) eqPrefix[i + 1] = eqPrefix[i] + eqAt[i];

    // The source stops inside the quote, everything before matching.
    if (al.sourceEnds) {
      let head = 0;
      for (const c of al.cols) if (c.q >= 0 && c.s >= 0) head = c.q - part.from + 1;
      const ratio = eqPrefix[head] / (head + delsBefore[head]);
      const content = this.contentWords(al, part.from, part.from + head);
      if (head >= PARTIAL_MIN_WORDS && head / n >= PARTIAL_MIN_SHARE && ratio >= PARTIAL_MIN_MATCH_RATIO && content >= PARTIAL_MIN_CONTENT_WORDS) {
        const [s0, s1] = spanOfWords(al, part.from, 0, head);
        return { slot: al.slot, verdict: 'partial', s0, s1, eq: al.eq, similarity: al.eq / Math.max(n, al.srcWords), sourceEnds: true };
      }
    }

    // A leading part matches closely and the rest is absent…
    for (let p = n - PARTIAL_MIN_REST_WORDS; p >= PARTIAL_MIN_WORDS; p--) {
      if (p / n < PARTIAL_MIN_SHARE) break;
      const head = eqPrefix[p] / (p + delsBefore[p]);
      const restEq = eqPrefix[n] - eqPrefix[p];
      const rest = restEq / (n - p);
      if (n - p - restEq < PARTIAL_MIN_REST_WORDS) continue;
      if (head >= PARTIAL_MIN_MATCH_RATIO && rest <= PARTIAL_MAX_REST_RATIO && this.contentWords(al, part.from, part.from + p) >= PARTIAL_MIN_CONTENT_WORDS) {
        const [s0, s1] = spanOfWords(al, part.from, 0, p);
        return { slot: al.slot, verdict: 'partial', s0, s1, eq: eqPrefix[p], similarity: eqPrefix[p] / n, sourceEnds: false };
      }
    }
    // …or a trailing part does.
    for (let p = PARTIAL_MIN_REST_WORDS; p <= n - PARTIAL_MIN_WORDS; p++) {
      if ((n - p) / n < PARTIAL_MIN_SHARE) break;
      const tail = (eqPrefix[n] - eqPrefix[p]) / (n - p + delsBefore[n] - delsBefore[p]);
      const rest = eqPrefix[p] / p;
      if (p - eqPrefix[p] < PARTIAL_MIN_REST_WORDS) continue;
      if (tail >= PARTIAL_MIN_MATCH_RATIO && rest <= PARTIAL_MAX_REST_RATIO && this.contentWords(al, part.from + p, part.to) >= PARTIAL_MIN_CONTENT_WORDS) {
        const [s0, s1] = spanOfWords(al, part.from, p, n);
        return { slot: al.slot, verdict: 'partial', s0, s1, eq: eqPrefix[n] - eqPrefix[p], similarity: (eqPrefix[n] - eqPrefix[p]) / n, sourceEnds: false };
      }
    }

    const dice = (2 * al.eq) / (n + al.srcWords);
    if (dice >= ALTERED_MIN_SIMILARITY && al.sFirst >= 0) {
      return { slot: al.slot, verdict: 'altered', s0: al.sFirst, s1: al.sLast + 1, eq: al.eq, similarity: al.eq / Math.max(n, al.srcWords), sourceEnds: false };
    }
    return null;
  }

  /** A quote with cuts or brackets: place the strongest part, then the others next to it in order. */
  judgeParts(slot: number, anchors: PartAlignment[]): Reading | null {
    const parts = this.pq.parts;
    const P = parts.length;
    let best: Reading | null = null;
    for (const anchor of anchors) {
      const found: Array<PartAlignment | null> = new Array(P).fill(null);
      found[anchor.part] = anchor;
      // Forward from the anchor.
      let prev = anchor.part;
      let allowed = 0;
      for (let j = anchor.part + 1; j < P; j++) {
        allowed += maxGap(parts[j].sep);
        const start = found[prev]!.sLast + 1;
        const len = parts[j].to - parts[j].from;
        const al = this.alignNear(slot, j, start, start + allowed + len + EDGE_SLACK_WORDS);
        if (al && al.sFirst - start <= allowed) {
          found[j] = al;
          prev = j;
          allowed = 0;
        } else allowed += len;
      }
      // Backward from the anchor.
      let next = anchor.part;
      allowed = 0;
      for (let j = anchor.part - 1; j >= 0; j--) {
        allowed += maxGap(parts[j + 1].sep);
        const end = found[next]!.sFirst;
        const len = parts[j].to - parts[j].from;
        const al = this.alignNear(slot, j, end - allowed - len - EDGE_SLACK_WORDS, end);
        if (al && end - 1 - al.sLast <= allowed) {
          found[j] = al;
          next = j;
          allowed = 0;
        } else allowed += len;
      }
      const reading = this.readParts(slot, found);
      if (reading && (!best || rank(reading.verdict) < rank(best.verdict) || (reading.verdict === best.verdict && reading.eq > best.eq))) {
        best = reading;
      }
    }
    return best;
  }

  readParts(slot: number, found: Array<PartAlignment | null>): Reading | null {
    const parts = this.pq.parts;
    const placed = found.filter((f): f is PartAlignment => f !== null);
    if (placed.length === 0) return null;
    const s0 = Math.min(...placed.map((f) => f.sFirst));
    const s1 = Math.max(...placed.map((f) => f.sLast)) + 1;
    const eq = placed.reduce((a, f) => a + f.eq, 0);
    if (placed.length === parts.length) {
      if (placed.every((f) => f.exact && f.eq === parts[f.part].to - parts[f.part].from)) {
        return { slot, verdict: 'elided', s0, s1, eq, similarity: eq / this.n, sourceEnds: false };
      }
      const srcWords = placed.reduce((a, f) => a + f.srcWords, 0);
      if ((2 * eq) / (this.n + srcWords) >= ALTERED_MIN_SIMILARITY) {
        return { slot, verdict: 'altered', s0, s1, eq, similarity: eq / Math.max(this.n, srcWords), sourceEnds: false };
      }
      return null;
    }
    // Some parts are missing: partial when the placed ones are a leading or trailing run.
    const firstMissing = found.indexOf(null);
    let lastPlaced = -1;
    found.forEach((f, i) => {
      if (f) lastPlaced = i;
    });
    const leading = found.slice(0, firstMissing).every(Boolean) && found.slice(firstMissing).every((f) => !f);
    const firstPlaced = found.findIndex(Boolean);
    const trailing = found.slice(0, firstPlaced).every((f) => !f) && found.slice(firstPlaced, lastPlaced + 1).every(Boolean) && lastPlaced === parts.length - 1;
    if (!leading && !trailing) return null;
    const words = placed.reduce((a, f) => a + parts[f.part].to - parts[f.part].from, 0);
    const content = placed.reduce((a, f) => a + this.contentWords(f, 0, this.pq.tokens.length), 0);
    if (words >= PARTIAL_MIN_WORDS && words / this.n >= PARTIAL_MIN_SHARE && eq / words >= PARTIAL_MIN_MATCH_RATIO && content >= PARTIAL_MIN_CONTENT_WORDS) {
      const sourceEnds = leading && placed[placed.length - 1].sourceEnds;
      return { slot, verdict: 'partial', s0, s1, eq, similarity: eq / this.n, sourceEnds };
    }
    return null;
  }

  // --- across sources ----------------------------------------------------------------------

  /** Is the quote put together from places that never said it together? */
  splice(): { segments: Chain[]; covered: number } | null {
    const cands = quoteCandidates;
    const parts = this.pq.parts;
    const C = cands.chains;
    // Usable chains, longest first, in chain order among equals (a stable counting sort by words).
    let most = 0;
    for (let c = 0; c < C; c++) most = Math.max(most, cands.words[c]);
    const atWords = new Int32Array(most + 2);
    const usable = (c: number): boolean => {
      const part = parts[cands.chainPart[c]];
      const w = cands.words[c];
      return w >= Math.min(SPLICE_MIN_PART_WORDS, part.to - part.from) && w >= KGRAM_WORDS;
    };
    let count = 0;
    for (let c = 0; c < C; c++) {
      if (!usable(c)) continue;
      atWords[most - cands.words[c] + 1]++;
      count++;
    }
    for (let w = 1; w < atWords.length; w++) atWords[w] += atWords[w - 1];
    const order = new Int32Array(count);
    for (let c = 0; c < C; c++) if (usable(c)) order[atWords[most - cands.words[c]]++] = c;
    const covered = new Uint8Array(this.pq.tokens.length);
    let coveredWords = 0;
    const chosen: Chain[] = [];
    const { q0, q1, members } = cands;
    for (let k = 0; k < count; k++) {
      const c = order[k];
      const from = cands.first[c];
      const to = from + cands.count[c];
      let overlap = 0;
      for (let m = from; m < to; m++) for (let q = q0[members[m]]; q < q1[members[m]]; q++) overlap += covered[q];
      if (overlap > 1) continue;
      chosen.push(cands.chain(c));
      for (let m = from; m < to; m++) {
        for (let q = q0[members[m]]; q < q1[members[m]]; q++) {
          if (covered[q] === 0) coveredWords++;
          covered[q] = 1;
        }
      }
    }
    if (chosen.length < 2 || coveredWords / this.n < SPLICE_MIN_COVERAGE) return null;
    // Still one place if every piece follows the previous one closely in the same source.
    const byQuote = [...chosen].sort((a, b) => a.blocks[0].q0 - b.blocks[0].q0);
    let onePlace = true;
    for (let i = 1; i < byQuote.length && onePlace; i++) {
      const a = byQuote[i - 1];
      const b = byQuote[i];
      const aEnd = a.blocks[a.blocks.length - 1].s1;
      const bStart = b.blocks[0].s0;
      const gap = a.part === b.part ? MAX_UNMARKED_GAP_WORDS : maxGap(parts[b.part].sep);
      onePlace = a.slot === b.slot && bStart >= aEnd && bStart - aEnd <= gap;
    }
    if (onePlace) return null;
    return { segments: chosen, covered: coveredWords };
  }

  // --- the whole quote ---------------------------------------------------------------------

  check(): QuoteCheck {
    const pq = this.pq;
    if (this.n === 0) return NOT_FOUND;
    // Fewer than SHORT_QUOTE_WORDS words (isShort): counting stops at that many.
    if (!hasWords(this.query.text, SHORT_QUOTE_WORDS)) return this.checkShort();

    const keyHashes = keyHashScratch(this.qKeys.length);
    // A key the lexicon holds has its hash there (lexicon.hashes is hashKey of each key).
    const { hashes } = this.index.lexicon;
    for (let k = 0; k < this.qKeys.length; k++) keyHashes[k] = this.qWords[k] >= 0 ? hashes[this.qWords[k]] : hashKey(this.qKeys[k]);
    const cands = quoteCandidates;
    cands.find(this.index, pq, this.qWords, keyHashes, this.only);
    const bySlot = new Map<number, PartAlignment[]>();
    const single = pq.parts.length === 1;
    // A source whose chains can none of them anchor a reading of a quote in parts is not aligned
    // at all (its anchors are chosen among all its chains, so it is all or none).
    const bounded = !single && this.pruned;
    if (bounded) this.markHopefulSlots();
    // The bounds read the chains from their typed arrays: a chain they rule out is never made.
    for (let c = 0; c < cands.chains; c++) {
      if (single && this.pruned && !this.worthAligning(c)) continue;
      const slot = cands.chainSlot[c];
      if (bounded && hopeful[slot] !== hopeStamp) continue;
      const al = this.alignChain(c);
      const list = bySlot.get(slot);
      if (list) list.push(al);
      else bySlot.set(slot, [al]);
    }

    const candidates: Reading[] = [];
    for (const [slot, aligns] of bySlot) {
      if (pq.parts.length === 1) {
        for (const al of aligns) {
          const r = this.judgeSingle(al);
          if (r) candidates.push(r);
        }
      } else {
        const anchors = [...aligns].sort((a, b) => b.eq - a.eq).slice(0, 4);
        const r = this.judgeParts(slot, anchors);
        if (r) candidates.push(r);
      }
    }
    // `partial` claims the rest of the quote is not in the library; an altered reading that
    // matches more of the quote's words (here or in another source) proves that claim wrong
    // (see effectiveRank).
    this.maxAlteredEq = Math.max(0, ...candidates.filter((r) => r.verdict === 'altered').map((r) => r.eq));
    const bestBySlot = new Map<number, Reading>();
    for (const r of candidates) {
      const prev = bestBySlot.get(r.slot);
      if (!prev || this.effectiveRank(r) - this.effectiveRank(prev) < 0 || (this.effectiveRank(r) === this.effectiveRank(prev) && r.eq > prev.eq)) {
        bestBySlot.set(r.slot, r);
      }
    }
    const readings = [...bestBySlot.values()];

    readings.sort((a, b) => this.compare(a, b));
    const top = readings[0];

    // A partial match whose rest is elsewhere, or nothing whole: maybe spliced.
    if (!top || top.verdict === 'partial' || top.verdict === 'altered') {
      const sp = this.splice();
      if (sp && (!top || top.verdict === 'partial' || sp.covered > top.eq)) {
        return this.spliced(sp.segments, sp.covered, readings);
      }
    }
    if (!top) return NOT_FOUND;
    return this.answer(top, readings.slice(1));
  }

  /**
   * Verdict rank, with a partial match outranked by an altered one that matches more words —
   * unless the partial source simply ends inside the quote: then its continuation is unknown,
   * not contradicted.
   */
  effectiveRank(r: Reading): number {
    if (r.verdict === 'partial' && !r.sourceEnds && r.eq < this.maxAlteredEq) return rank('altered') + 0.5;
    return rank(r.verdict);
  }

  compare(a: Reading, b: Reading): number {
    return (
      this.effectiveRank(a) - this.effectiveRank(b) ||
      b.similarity - a.similarity ||
      this.attribution(b.slot) - this.attribution(a.slot) ||
      this.contextScore(b) - this.contextScore(a)
    );
  }

  attribution(slot: number): number {
    const bySlot = (this.attributionBySlot ??= new Map());
    let score = bySlot.get(slot);
    if (score === undefined) {
      score = this.said.score(this.index.entry(slot)!.source);
      bySlot.set(slot, score);
    }
    return score;
  }

  contextScore(r: Reading): number {
    r.context ??= this.ctx.overlap(this.index.entry(r.slot)!, r.s0, r.s1, LONG_CONTEXT_WINDOW);
    return r.context;
  }

  answer(top: Reading, others: Reading[]): QuoteCheck {
    const entry = this.index.entry(top.slot)!;
    const match = buildMatch(entry, this.pq.text, this.pq.tokens, {
      s0: top.s0,
      s1: top.s1,
      similarity: top.similarity,
      sourceEnds: top.sourceEnds,
    });
    return { verdict: top.verdict, match, alsoIn: this.alsoIn(others, top.slot) };
  }

  alsoIn(readings: Reading[], exclude: number, verdictFor?: (r: Reading) => Verdict): AlsoIn[] {
    const out: AlsoIn[] = [];
    const seen = new Set<number>([exclude]);
    for (const r of readings) {
      if (seen.has(r.slot)) continue;
      seen.add(r.slot);
      const e = this.index.entry(r.slot)!;
      out.push({
        sourceId: e.source.id,
        verdict: verdictFor ? verdictFor(r) : r.verdict,
        start: e.data.tokenStarts[r.s0],
        end: e.data.tokenEnds[r.s1 - 1],
      });
    }
    return out;
  }

  spliced(segments: Chain[], covered: number, readings: Reading[]): QuoteCheck {
    const asReading = (c: Chain): Reading => ({
      slot: c.slot,
      verdict: 'spliced',
      s0: c.blocks[0].s0,
      s1: c.blocks[c.blocks.length - 1].s1,
      eq: c.words,
      similarity: covered / this.n,
      sourceEnds: false,
    });
    const main = asReading(segments[0]);
    const involved = segments.slice(1).map(asReading);
    const spliceSlots = new Set(segments.map((s) => s.slot));
    const others = [...involved, ...readings];
    const check = this.answer(main, []);
    check.verdict = 'spliced';
    check.alsoIn = this.alsoIn(others, main.slot, (r) => (spliceSlots.has(r.slot) ? 'spliced' : r.verdict));
    return check;
  }

  // --- short quotes ------------------------------------------------------------------------

  /**
   * Point each of a short quote's other words at its positions in source `slot` (their gathered
   * slots ascend, as the sources are visited): false when the source lacks one of them.
   */
  otherWordsIn(slot: number, others: OtherWord[]): boolean {
    for (const other of others) {
      const slots = other.places.slots;
      while (other.cursor < slots.length && slots[other.cursor] < slot) other.cursor++;
      if (other.cursor === slots.length || slots[other.cursor] !== slot) return false;
      other.at = other.places.starts[other.cursor];
      other.end = other.places.starts[other.cursor + 1];
    }
    return true;
  }

  /**
   * Fewer than four words: only an exact phrase (verbatim or minor) counts, and only where it is
   * backed by context (a content word of the article's surroundings near the phrase in the
   * source) or, for two or three words, by an attribution that names the source. A single word
   * is too common to trust an attribution alone: it needs close context.
   */
  checkShort(): QuoteCheck {
    const pq = this.pq;
    if (pq.parts.length !== 1) return NOT_FOUND;
    const part = pq.parts[0];
    const words = this.qWords.subarray(part.from, part.to);
    const len = part.to - part.from;
    // Only a source holding every word can hold the phrase: go through those holding its rarest
    // word (fewest sources), the pivot, and in each walk the pivot's positions, testing the
    // phrase's other words around each directly. The pivot's positions in all those sources come
    // from one array (placesOfWord) unless the word is too common to gather.
    let slots: readonly number[] = NO_SLOTS;
    let pivot = 0;
    for (let j = 0; j < len; j++) {
      const have = this.index.sourcesWithWord(words[j]);
      if (j === 0 || have.length < slots.length) {
        slots = have;
        pivot = j;
      }
    }
    const gathered = slots.length > 0 ? this.index.placesOfWord(words[pivot]) : null;
    // The other words: through their gathered positions where they have them (a source lacking
    // one is passed over unread), else read in the source at each place.
    const others: OtherWord[] = [];
    const unchecked: number[] = [];
    for (let j = 0; j < len && slots.length > 0; j++) {
      if (j === pivot) continue;
      const places = this.index.placesOfWord(words[j]);
      if (places) others.push({ j, places, cursor: 0, at: 0, end: 0 });
      else unchecked.push(j);
    }
    const readings: Reading[] = [];
    const near = len === 1 ? SINGLE_WORD_CONTEXT_NEAR : 0;
    let found = shortPlaces;
    const sourcesWithWord = (w: number) => this.index.sourcesWithWord(w);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      if (this.only !== null && slot !== this.only) continue;
      // Without an attribution, a place needs context words near it: a source that does not even
      // hold enough of them is not read at all.
      if (
        this.pruned &&
        this.ctx.stemsHeldBy(slot, near, this.index.lexicon, sourcesWithWord) < SHORT_CONTEXT_MIN_SHARED &&
        !(len >= 2 && this.attribution(slot) > 0)
      ) {
        continue;
      }
      if (!this.otherWordsIn(slot, others)) continue;
      let entry: IndexedSource | null = null;
      let positions: Uint32Array;
      let from: number;
      let to: number;
      if (gathered) {
        positions = gathered.positions;
        from = gathered.starts[i];
        to = gathered.starts[i + 1];
      } else {
        entry = this.index.entry(slot)!;
        const k = wordIndexIn(entry, words[pivot]);
        positions = entry.byWord;
        from = entry.wordStart[k];
        to = entry.wordStart[k + 1];
      }
      // The phrase's places in this source, ascending.
      if (found.length < to - from) found = shortPlaces = new Uint32Array(Math.max(to - from, found.length * 2));
      let places = 0;
      const sKeys = unchecked.length > 0 ? (entry ??= this.index.entry(slot)!).words : null;
      for (let k = from; k < to; k++) {
        const pos = positions[k] - pivot;
        let same = true;
        for (let o = 0; o < others.length && same; o++) {
          const other = others[o];
          const want = pos + other.j;
          const at = other.places.positions;
          while (other.at < other.end && at[other.at] < want) other.at++;
          same = other.at < other.end && at[other.at] === want;
        }
        if (same && sKeys) {
          same = pos >= 0 && pos + len <= sKeys.length;
          for (let u = 0; u < unchecked.length && same; u++) same = sKeys[pos + unchecked[u]] === words[unchecked[u]];
        }
        if (same) found[places++] = pos;
      }
      if (places === 0) continue;
      entry ??= this.index.entry(slot)!;
      let best: Reading | null = null;
      let bestContext = -1;
      const named = len >= 2 && this.attribution(slot) > 0;
      for (let k = 0; k < places; k++) {
        const pos = found[k];
        // One look at the words around the place: whether they support it (unless the
        // attribution does) and how many context words they share. -1: not supported.
        const ctxScore = this.ctx.placeScore(entry, pos, pos + len, SHORT_CONTEXT_SOURCE_WINDOW, named ? null : near, SHORT_CONTEXT_MIN_SHARED);
        if (ctxScore < 0) continue;
        // Without more context, a place cannot beat a best that already has the best verdict.
        if (best && ctxScore <= bestContext && (pq.editorial || best.verdict === 'verbatim')) continue;
        const { q: pairQ, s: pairS } = surfacePairs(len);
        for (let j = 0; j < len; j++) {
          pairQ[j] = part.from + j;
          pairS[j] = pos + j;
        }
        const verdict = this.surface(entry, pairQ, pairS, len, part.from);
        const reading: Reading = { slot, verdict: pq.editorial ? 'elided' : verdict, s0: pos, s1: pos + len, eq: len, similarity: 1, sourceEnds: false };
        if (!best || rank(reading.verdict) < rank(best.verdict) || (reading.verdict === best.verdict && ctxScore > bestContext)) {
          best = reading;
          bestContext = ctxScore;
        }
      }
      if (best) readings.push(best);
    }
    if (readings.length === 0) return NOT_FOUND;
    readings.sort((a, b) => this.compare(a, b));
    return this.answer(readings[0], readings.slice(1));
  }
}

/** The source span [s0, s1) of the equal words among the part's words [qa, qb) (the part starts at `from`); -1 for none. */
function spanOfWords(al: PartAlignment, from: number, qa: number, qb: number): [number, number] {
  let s0 = -1;
  let s1 = -1;
  for (const c of al.cols) {
    if (c.kind === 'eq' && c.q >= from + qa && c.q < from + qb) {
      if (s0 < 0) s0 = c.s;
      s1 = c.s + 1;
    }
  }
  return [s0, s1];
}

/** Append columns one by one (no spread of a long array into arguments). */
function appendColumns(cols: Column[], more: Column[]): void {
  for (let k = 0; k < more.length; k++) cols.push(more[k]);
}

/** Check one quote against the library. Never throws on any text. */
export function checkQuote(index: LibraryIndex, query: QuoteQuery): QuoteCheck {
  const text = typeof query.text === 'string' ? query.text : '';
  if (index.size === 0 || text.trim() === '') return { ...NOT_FOUND, alsoIn: [] };
  const matcher = new QuoteMatcher(index, { ...query, text }, parseQuote(text));
  return matcher.check();
}

/**
 * The same check against one source of the library only: the full evidence (span, context,
 * diff) behind an `alsoIn` entry. not_found when the source is not in the index.
 */
export function checkQuoteIn(index: LibraryIndex, query: QuoteQuery, sourceId: string): QuoteCheck {
  const text = typeof query.text === 'string' ? query.text : '';
  const entry = index.entryById(sourceId);
  if (!entry || text.trim() === '') return { ...NOT_FOUND, alsoIn: [] };
  const matcher = new QuoteMatcher(index, { ...query, text }, parseQuote(text), entry.slot);
  return matcher.check();
}

/**
 * checkQuote with every bound that skips work switched off: candidates the bounds rule out are
 * aligned and judged all the same. The answer must be checkQuote's; tests compare the two.
 */
export function checkQuoteUnpruned(index: LibraryIndex, query: QuoteQuery): QuoteCheck {
  const text = typeof query.text === 'string' ? query.text : '';
  if (index.size === 0 || text.trim() === '') return { ...NOT_FOUND, alsoIn: [] };
  return new QuoteMatcher(index, { ...query, text }, parseQuote(text), null, false).check();
}
