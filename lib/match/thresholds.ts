// Every number that decides a verdict, named, with the reason for its value. Tests pin each one.

/** Words per hashed k-gram of token keys. */
export const KGRAM_WORDS = 3;
/**
 * Winnowing window, in k-grams. Winnowing keeps the smallest hash of every window of w
 * consecutive k-grams, so any run of w + k − 1 = 2 + 3 − 1 = 4 words that a quote shares with a
 * source contains a whole window and is guaranteed a shared fingerprint (queries look up all
 * their k-grams, not just their own winnowed ones).
 */
export const WINNOW_WINDOW = 2;
/** The run length that is guaranteed to be found (see WINNOW_WINDOW). */
export const GUARANTEED_RUN_WORDS = WINNOW_WINDOW + KGRAM_WORDS - 1;
/** A fingerprint with more postings than this is boilerplate: ignored when looking up quotes. */
export const FINGERPRINT_MAX_POSTINGS = 256;

/**
 * Inside one place in a source, a quote may add or drop up to this many words between two
 * matching runs without a mark (then it is `altered`); a longer jump means the words come from
 * two places (`spliced`).
 */
export const MAX_UNMARKED_GAP_WORDS = 8;
/** Extra source words looked at beyond the quote's own length when aligning its unmatched edges. */
export const EDGE_SLACK_WORDS = 4;
/** Candidate chains of matching runs kept per source and per quote part. */
export const MAX_CHAINS_PER_SOURCE = 4;

/** An elision (`…`, `[...]`) may cut at most this many source words (about a long paragraph). */
export const MAX_ELISION_GAP_WORDS = 100;
/**
 * Bracketed editorial words (`[the police]`) stand for at most this many source words: enough for
 * a pronoun or a short phrase ("they", "the chief constable"), not for a hidden clause.
 */
export const MAX_BRACKET_REPLACED_WORDS = 6;
/** `[sic]` replaces no words: the parts either side must be adjacent in the source. */
export const MAX_SIC_GAP_WORDS = 0;
/** A part of an elided quote found near its neighbours must share this share of its words in order. */
export const NEAR_PART_MIN_RATIO = 0.6;

/**
 * `altered` needs at least this similarity (Dice: twice the matching words over the quote's plus
 * the source span's words). Below it the passages merely share a phrase: `not_found`.
 */
export const ALTERED_MIN_SIMILARITY = 0.6;

/** `partial`: the matching leading or trailing part has at least this many words… */
export const PARTIAL_MIN_WORDS = 6;
/**
 * …and at least this share of the quote's words (a quarter: an excerpt may hold only the first
 * clause of a long quote)…
 */
export const PARTIAL_MIN_SHARE = 0.25;
/** …and at least this many content words (not stopwords), so a stock phrase is not enough… */
export const PARTIAL_MIN_CONTENT_WORDS = 3;
/** …and matches closely: at least this share of its words equal, in order… */
export const PARTIAL_MIN_MATCH_RATIO = 0.9;
/** …while the rest is essentially absent: at most this share of its words found in order… */
export const PARTIAL_MAX_REST_RATIO = 0.25;
/** …and the rest has this many unmatched words: a missing passage rather than a few added words (`altered`). */
export const PARTIAL_MIN_REST_WORDS = 4;

/** Each place a spliced quote comes from supplies at least this many matching words. */
export const SPLICE_MIN_PART_WORDS = 4;
/** The places found together cover at least this share of the quote's words. */
export const SPLICE_MIN_COVERAGE = 0.8;

/** Short quotes: article words looked at on each side of the quote for supporting context. */
export const SHORT_CONTEXT_QUOTE_WINDOW = 10;
/** Short quotes: source words looked at on each side of the phrase. */
export const SHORT_CONTEXT_SOURCE_WINDOW = 12;
/**
 * One-word quotes are the commonest words to recur by chance, so their context word must be
 * close on both sides: within this many words of the quote and of the source's word.
 */
export const SINGLE_WORD_CONTEXT_NEAR = 4;
/**
 * Short quotes: distinct content words that the article's surroundings and the source's must
 * share. One shared word recurs by chance around a common phrase ("common sense") somewhere in a
 * large library; two rarely do, while a real borrowing ("a staggering number of reports" /
 * "staggering numbers of reports") keeps several.
 */
export const SHORT_CONTEXT_MIN_SHARED = 2;
