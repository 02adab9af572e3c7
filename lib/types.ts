// The shared vocabulary of the engine, the extension and the command line.
// Offsets are UTF-16 code-unit indices into the text they name (JavaScript string indices).

/** A verdict of DESIGN.md; exactly one per detected quote. */
export type Verdict = 'verbatim' | 'minor' | 'elided' | 'spliced' | 'altered' | 'partial' | 'not_found';

export const VERDICTS: readonly Verdict[] = [
  'verbatim', 'minor', 'elided', 'spliced', 'altered', 'partial', 'not_found',
];

export type SourceOrigin = 'builtin' | 'fetched' | 'page' | 'file' | 'paste' | 'pack';

/** What we know about an original document (the `<id>.json` beside a source file). */
export interface SourceMeta {
  id: string;
  type: string; // report | press-release | statement | article | speech | other
  title: string;
  publisher: string | null;
  author: string | null;
  speaker: string | null;
  published: string | null; // ISO date, YYYY-MM-DD
  url: string | null;
  licence: string | null;
  coverage: string | null; // how much of the original the text covers, in words
  excerpt: boolean; // true when the text is only part of the original
  origin: SourceOrigin;
}

/** An original document: metadata plus its full text (`## ` heading lines, blank line between paragraphs). */
export interface Source extends SourceMeta {
  text: string;
}

/** A quotation found in an article's text. */
export interface Quote {
  text: string; // the quoted words as on the page, without the marks
  start: number; // offset of `text` in the article text
  end: number;
  words: number;
  short: boolean; // fewer than 4 words: only an exact phrase counts
  attribution: string | null; // who the article says said it ("Wendy Williams", "the report")
  open: string; // the opening mark, or '<q>' / '<blockquote>'
  close: string | null; // null when the quote ran to the end of its paragraph unclosed
  parent: number | null; // index of the enclosing quote when nested, else null
}

/** What the matcher needs to know about a quote: its words and the article words around it. */
export interface QuoteQuery {
  text: string;
  attribution?: string | null;
  before?: string; // up to a sentence of article text before the quote
  after?: string; // up to a sentence after it
}

export interface DiffOp {
  op: 'equal' | 'insert' | 'delete' | 'replace';
  quote: string; // the quote's words in this op ('' for delete)
  source: string; // the source's words in this op ('' for insert)
}

export interface Match {
  sourceId: string;
  start: number; // span of the original in the source's text
  end: number;
  original: string; // source.text.slice(start, end)
  context: string; // the paragraph around the span
  contextStart: number; // offset of `context` in the source text
  section: string | null; // nearest heading above
  page: number | null; // PDF page, when known
  similarity: number; // 0..1, share of the quote's words found in order
  diff: DiffOp[];
  sourceEnds: boolean; // the library's text stops inside the quoted words (an excerpt)
}

export interface AlsoIn {
  sourceId: string;
  verdict: Verdict;
  start: number;
  end: number;
}

/** The engine's answer for one quote. */
export interface QuoteCheck {
  verdict: Verdict;
  match: Match | null;
  alsoIn: AlsoIn[];
}

export interface QuoteResult extends Quote, QuoteCheck {}

export interface ArticleMeta {
  title: string | null;
  url: string | null;
  site: string | null;
  author: string | null;
  published: string | null;
}

/** The command line's `--json` object (DESIGN.md, "Command line"). */
export interface ArticleReport {
  article: { title: string | null; url: string | null; words: number };
  sources: { id: string; title: string; words: number }[];
  quotes: QuoteResult[];
}
