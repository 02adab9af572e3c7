// The matcher's code paths run once over a small made-up library, so that the JavaScript engine
// has compiled them before the user's library is loaded and the first quotes are checked. A
// service worker that Chrome stopped after idling starts with no compiled code: its first
// batch of quotes took several times as long as a later one. The worker runs this while it
// waits for IndexedDB to answer its first read (time it would spend idle), in short steps so
// that the database's answers are never held up for long.
//
// Nothing here reads the user's data, and nothing it builds is kept: the made-up library is its
// own lexicon and index, dropped when the steps end. The engine's module-level scratch buffers
// are reused by the real load as they are after any other check.
import type { QuoteQuery, Source } from '../types';
import { Lexicon } from './lexicon';
import { LibraryIndex, sourceIndexDataFromHashes, type SourceIndexData } from './library-index';
import { packSourceIndex, unpackSourceIndex } from './packed-index';
import { parsePassages } from '../library/passages';
import { matchKey } from '../text/tokenize';
import { packLexicon, unpackLexicon } from './packed-lexicon';
import { checkQuote } from './check-quote';

/** A small deterministic generator (mulberry32): the same made-up library on every start. */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Common words, so that stopwords, short phrases and context are exercised as on real text.
const COMMON = 'the of and to in a that is for it as was with be by on not he this are or his from at which but have an they you were her she their one all we can has there been if more when will would who so no'.split(' ');
const SYLLABLES = 'ka lo mi ren tas vo pel dru an ist ber cor fen gal hum jor lin mar nor pra sel tor ul ves win'.split(' ');

/** Made-up words of two or three syllables, distinct. */
function madeUpWords(random: () => number, count: number): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    const n = 2 + Math.floor(random() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

interface MadeUp {
  sources: Source[];
  data: SourceIndexData[]; // each source's index, numbered into `lexicon`
  lexicon: Lexicon;
  sentences: string[][]; // per source, its sentences (without the final stop)
}

/**
 * A few sources of made-up sentences in paragraphs under headings, with their index data laid
 * out as the text is written (plain words of ASCII letters, keyed by the tokenizer's own
 * matchKey): tokenising them would only warm the import's scanner, which a cold load never runs.
 */
function madeUpLibrary(): MadeUp {
  const random = randomFrom(0x5eed);
  const rare = madeUpWords(random, 300);
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)];
  const lexicon = new Lexicon();
  const sources: Source[] = [];
  const data: SourceIndexData[] = [];
  const sentences: string[][] = [];
  for (let s = 0; s < 4; s++) {
    const own: string[] = [];
    let text = '';
    const starts: number[] = [];
    const ends: number[] = [];
    const words: number[] = [];
    for (let p = 0; p < 8; p++) {
      if (p > 0) text += '\n\n';
      if (p % 4 === 0) text += `# Part ${p / 4 + 1}\n\n`;
      for (let k = 0; k < 4; k++) {
        const sentence: string[] = [];
        const length = 10 + Math.floor(random() * 14);
        for (let i = 0; i < length; i++) sentence.push(random() < 0.45 ? pick(COMMON) : pick(rare));
        sentence[0] = sentence[0][0].toUpperCase() + sentence[0].slice(1);
        if (k > 0) text += ' ';
        sentence.forEach((word, i) => {
          if (i > 0) text += ' ';
          starts.push(text.length);
          text += word;
          ends.push(text.length);
          words.push(lexicon.intern(matchKey(word.toLowerCase())));
          if (k === 0 && i === 4) text += ',';
        });
        text += '.';
        own.push(sentence.join(' '));
      }
    }
    // The heading words are tokens too: index the text's words in order of their offsets.
    const headingWords = [...text.matchAll(/^# (Part) (\d+)$/gm)].flatMap((m) => {
      const at = m.index + 2;
      return [
        { start: at, end: at + 4, key: matchKey(m[1].toLowerCase()) },
        { start: at + 5, end: at + 5 + m[2].length, key: matchKey(m[2]) },
      ];
    });
    const tokens = [...headingWords, ...starts.map((start, i) => ({ start, end: ends[i], word: words[i] }))].sort((a, b) => a.start - b.start);
    const id = `warm-up-${s}`;
    const source: Source = {
      id,
      type: 'speech',
      title: `Made-up source ${s}`,
      publisher: null,
      author: null,
      speaker: s % 2 ? 'A. Speaker' : null,
      published: null,
      url: null,
      licence: null,
      coverage: null,
      excerpt: false,
      origin: 'paste',
      text,
    };
    const tokenWords = Uint32Array.from(tokens, (t) => ('word' in t ? t.word : lexicon.intern(t.key)));
    const laidOut = {
      tokenStarts: Int32Array.from(tokens, (t) => t.start),
      tokenEnds: Int32Array.from(tokens, (t) => t.end),
      vocabulary: lexicon.keys,
      tokenWords,
    };
    sources.push(source);
    data.push(sourceIndexDataFromHashes(id, laidOut, parsePassages(text), lexicon.hashes));
    sentences.push(own);
  }
  return { sources, data, lexicon, sentences };
}

/** Quotes of every kind the verdicts tell apart, taken from (or made unlike) the made-up library. */
function madeUpQuotes(library: MadeUp): QuoteQuery[] {
  const random = randomFrom(0xc0ffee);
  const quotes: QuoteQuery[] = [];
  const around = (words: string[]) => ({ before: `It was said that ${words.slice(0, 3).join(' ')}`, after: 'and so it went on.' });
  for (let s = 0; s < library.sentences.length; s++) {
    const own = library.sentences[s];
    for (let q = 0; q < 3; q++) {
      const words = own[Math.floor(random() * own.length)].split(' ').filter((w) => w !== '—');
      const other = own[Math.floor(random() * own.length)].split(' ').filter((w) => w !== '—');
      const ctx = around(words);
      quotes.push({ text: words.join(' '), attribution: s % 2 ? 'A. Speaker' : null, ...ctx }); // verbatim
      quotes.push({ text: words.join(', ').replace(/’/g, "'"), ...ctx }); // punctuation differs
      const changed = [...words];
      changed[Math.floor(changed.length / 2)] = 'notaword';
      quotes.push({ text: changed.join(' '), ...ctx }); // altered
      quotes.push({ text: `${words.slice(0, 5).join(' ')} … ${words.slice(-5).join(' ')}`, ...ctx }); // elided
      quotes.push({ text: `${words.slice(0, 6).join(' ')} ${other.slice(-6).join(' ')}`, ...ctx }); // spliced or partial
      quotes.push({ text: words.slice(2, 4).join(' '), ...ctx }); // short
      quotes.push({ text: `${words.slice(0, 6).join(' ')} qua qua qua ven ven ven tor tor`, ...ctx }); // partial
    }
    quotes.push({ text: 'nothing here was ever in any source of this library at all', before: 'He said', after: 'Then he left.' }); // not found
  }
  return quotes;
}

/**
 * The warm-up as steps: each `yield` is a point where the caller may let other work run (or
 * stop). The steps follow a cold load's own order: lexicon and rows packed and read back, the
 * index built from them with addAll, then quotes of every kind checked, several times over.
 */
export function* warmUpSteps(rounds = 2, seen?: Map<string, number>): Generator<void, number, void> {
  const library = madeUpLibrary();
  const generation = 'warm-up';
  const rows = library.data.map((data) => packSourceIndex(data, data.tokenWords, generation));
  const storedLexicon = packLexicon(library.lexicon.keys, generation);
  yield;
  // Read back as a cold load does.
  const lexicon = Lexicon.fromKeys(unpackLexicon(storedLexicon));
  const index = new LibraryIndex(lexicon);
  index.addAll(rows.map((row, i) => ({ source: library.sources[i], data: unpackSourceIndex(row, lexicon) })));
  yield;
  const quotes = madeUpQuotes(library);
  let checked = 0;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < quotes.length; i++) {
      const verdict = checkQuote(index, quotes[i]).verdict;
      seen?.set(verdict, (seen.get(verdict) ?? 0) + 1);
      checked++;
      if (i % 8 === 7) yield;
    }
    yield;
  }
  return checked;
}
