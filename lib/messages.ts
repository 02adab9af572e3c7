// The messages between the extension's parts, and the checks every receiver runs on them.
// Content scripts live in pages we do not control, so each message is checked for its sender
// and its shape before anything acts on it: unknown types, extra-large payloads and wrong field
// types are rejected, never coerced.
import type { AlsoIn, ArticleMeta, QuoteCheck, QuoteQuery, SourceMeta, Verdict } from './types';
import { VERDICTS } from './types';
import type { SearchHit } from './match/index';
import { CITATION_STYLES, type CitationStyle } from './cite/styles';

/** Source metadata as the card and popup show it (no text). */
export interface SourceInfo extends SourceMeta {
  words: number;
}

/** One quote of a page as the popup lists it. */
export interface PageQuote {
  index: number; // position among the page's quotes, in reading order
  text: string;
  words: number;
  short: boolean;
  attribution: string | null;
  verdict: Verdict;
  sourceId: string | null;
  alsoIn: Pick<AlsoIn, 'sourceId' | 'verdict'>[];
}

/** 'waiting': automatic checking is off and the reader has not asked for this page yet. */
export type PageState = 'checking' | 'done' | 'no-article' | 'error' | 'waiting';

/** What the content script found on one tab, kept for the popup. */
export interface PageResults {
  url: string;
  title: string | null;
  state: PageState;
  error: string | null;
  quotes: PageQuote[];
  sources: Record<string, SourceInfo>;
  librarySize: number;
  /** The article's metadata (site, author, date), for the popup's "Quoted in". Absent in older copies. */
  article?: ArticleMeta | null;
}

// Requests to the background.
export interface CheckRequest { type: 'check'; quotes: QuoteQuery[] }
export interface SearchRequest { type: 'search'; query: string; limit?: number }
export interface SourcesRequest { type: 'sources' }
export interface SetPageResultsRequest { type: 'page-results'; op: 'set'; results: PageResults }
export interface GetPageResultsRequest { type: 'page-results'; op: 'get'; tabId: number }
/** A citation of one source, formatted by the background (citeproc stays out of pages). */
export interface CiteRequest {
  type: 'cite';
  sourceId: string;
  style: CitationStyle;
  /** The quoted words, for "Copy quote with citation". */
  quote?: string;
  /** The matched span in the source's text, for the deep link to the passage. */
  span?: { start: number; end: number };
  /** The article the quote was read in ("Quoted in …"). */
  article?: ArticleMeta;
}
/** Opens the options page, where sources are added. */
export interface OpenOptionsRequest { type: 'open-options' }
/** The options page changed the library: drop the in-memory index so the next check reads it again. */
export interface LibraryChangedRequest { type: 'library-changed' }
export type BackgroundRequest =
  | CiteRequest
  | OpenOptionsRequest
  | LibraryChangedRequest
  | CheckRequest
  | SearchRequest
  | SourcesRequest
  | SetPageResultsRequest
  | GetPageResultsRequest;

// Requests from an extension page (the popup) to a tab's content script.
// From the background (keyboard commands) to a tab's content script.
export interface ShowQuoteRequest { type: 'show-quote'; index: number }
export interface StepQuoteRequest { type: 'step-quote'; direction: 'next' | 'previous' }
export interface CheckPageRequest { type: 'check-page' }
/**
 * One quote's full check as the card has it (match, passage, diff, alsoIn), for a popup row. The
 * quote's words come along so that a page rescanned since the popup read it cannot answer for another quote.
 */
export interface QuoteDetailsRequest { type: 'quote-details'; index: number; text: string }
export type TabRequest = ShowQuoteRequest | StepQuoteRequest | CheckPageRequest | QuoteDetailsRequest;

// Answers.
export interface ErrorResponse { ok: false; error: string }
export interface CheckResponse { ok: true; checks: QuoteCheck[]; sources: Record<string, SourceInfo>; librarySize: number }
export interface SearchResponse { ok: true; hits: SearchHit[]; sources: Record<string, SourceInfo> }
export interface SourcesResponse { ok: true; sources: SourceInfo[] }
export interface PageResultsResponse { ok: true; results: PageResults | null }
export interface DoneResponse { ok: true }
/** The content script's answer to a quote-details request: what its card shows for that quote. */
export interface QuoteDetailsResponse {
  ok: true;
  check: QuoteCheck;
  sources: Record<string, SourceInfo>;
  librarySize: number;
  article: ArticleMeta | null;
}
export interface CiteResponse {
  ok: true;
  style: CitationStyle;
  citation: { text: string; html: string };
  /** Present when the request carried a quote. */
  quoteCitation: { text: string; html: string } | null;
  bibtex: string;
  ris: string;
  csljson: string;
  /** A link to the passage (text fragment), or the source's plain URL, or null when it has none. */
  passageUrl: string | null;
}

export interface ResponseFor {
  check: CheckResponse;
  search: SearchResponse;
  sources: SourcesResponse;
  'page-results': PageResultsResponse | DoneResponse;
  cite: CiteResponse;
  'open-options': DoneResponse;
  'library-changed': DoneResponse;
}

/** Bounds on what a message may carry: a page has at most a few hundred quotes, a quote a few paragraphs. */
export const LIMITS = {
  quotes: 1000,
  quoteChars: 10_000,
  contextChars: 2_000,
  attributionChars: 300,
  queryChars: 500,
  searchResults: 50,
  urlChars: 4_096,
  titleChars: 1_000,
  sourceIdChars: 200,
  sources: 1_000,
} as const;

type Json = Record<string, unknown>;

function isCitationStyle(v: unknown): v is CitationStyle {
  return typeof v === 'string' && (CITATION_STYLES as readonly string[]).includes(v);
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isString(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length <= max;
}
function isOptString(v: unknown, max: number): boolean {
  return v === undefined || isString(v, max);
}
function isNullableString(v: unknown, max: number): boolean {
  return v === null || isString(v, max);
}
function isCount(v: unknown, max = Number.MAX_SAFE_INTEGER): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
}
function isVerdict(v: unknown): v is Verdict {
  return typeof v === 'string' && (VERDICTS as readonly string[]).includes(v);
}
/** Only these keys, no others: extra fields are a sign the message is not ours. */
function hasOnlyKeys(o: Json, allowed: readonly string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k));
}

export function isQuoteQuery(v: unknown): v is QuoteQuery {
  if (!isObject(v) || !hasOnlyKeys(v, ['text', 'attribution', 'before', 'after'])) return false;
  return (
    isString(v.text, LIMITS.quoteChars) &&
    v.text.trim().length > 0 &&
    (v.attribution === undefined || isNullableString(v.attribution, LIMITS.attributionChars)) &&
    isOptString(v.before, LIMITS.contextChars) &&
    isOptString(v.after, LIMITS.contextChars)
  );
}

function isSourceInfo(v: unknown): v is SourceInfo {
  if (!isObject(v)) return false;
  return (
    isString(v.id, LIMITS.sourceIdChars) &&
    isString(v.type, 100) &&
    isString(v.title, LIMITS.titleChars) &&
    isNullableString(v.publisher, LIMITS.titleChars) &&
    isNullableString(v.author, LIMITS.titleChars) &&
    isNullableString(v.speaker, LIMITS.titleChars) &&
    isNullableString(v.published, 40) &&
    isNullableString(v.url, LIMITS.urlChars) &&
    isNullableString(v.licence, LIMITS.titleChars) &&
    isNullableString(v.coverage, LIMITS.titleChars) &&
    typeof v.excerpt === 'boolean' &&
    isString(v.origin, 20) &&
    isCount(v.words)
  );
}

export function isArticleMeta(v: unknown): v is ArticleMeta {
  if (!isObject(v) || !hasOnlyKeys(v, ['title', 'url', 'site', 'author', 'published'])) return false;
  return (
    isNullableString(v.title, LIMITS.titleChars) &&
    isNullableString(v.url, LIMITS.urlChars) &&
    isNullableString(v.site, LIMITS.titleChars) &&
    isNullableString(v.author, LIMITS.titleChars) &&
    isNullableString(v.published, 40)
  );
}

function isSpan(v: unknown): v is { start: number; end: number } {
  return isObject(v) && hasOnlyKeys(v, ['start', 'end']) && isCount(v.start) && isCount(v.end) && v.start < v.end;
}

function parseCite(v: Json): CiteRequest | null {
  if (!hasOnlyKeys(v, ['type', 'sourceId', 'style', 'quote', 'span', 'article'])) return null;
  if (!isString(v.sourceId, LIMITS.sourceIdChars) || !v.sourceId || !isCitationStyle(v.style)) return null;
  if (v.quote !== undefined && !(isString(v.quote, LIMITS.quoteChars) && v.quote.trim())) return null;
  if (v.span !== undefined && !isSpan(v.span)) return null;
  if (v.article !== undefined && !isArticleMeta(v.article)) return null;
  const out: CiteRequest = { type: 'cite', sourceId: v.sourceId, style: v.style };
  if (v.quote !== undefined) out.quote = v.quote;
  if (v.span !== undefined) out.span = { start: v.span.start, end: v.span.end };
  if (v.article !== undefined) out.article = { ...v.article };
  return out;
}

function isPageQuote(v: unknown): v is PageQuote {
  if (!isObject(v)) return false;
  return (
    isCount(v.index, LIMITS.quotes) &&
    isString(v.text, LIMITS.quoteChars) &&
    isCount(v.words) &&
    typeof v.short === 'boolean' &&
    isNullableString(v.attribution, LIMITS.attributionChars) &&
    isVerdict(v.verdict) &&
    isNullableString(v.sourceId, LIMITS.sourceIdChars) &&
    Array.isArray(v.alsoIn) &&
    v.alsoIn.length <= LIMITS.sources &&
    v.alsoIn.every((a) => isObject(a) && isString(a.sourceId, LIMITS.sourceIdChars) && isVerdict(a.verdict))
  );
}

const PAGE_STATES: readonly PageState[] = ['checking', 'done', 'no-article', 'error', 'waiting'];

export function isPageResults(v: unknown): v is PageResults {
  if (!isObject(v)) return false;
  return (
    isString(v.url, LIMITS.urlChars) &&
    isNullableString(v.title, LIMITS.titleChars) &&
    typeof v.state === 'string' &&
    (PAGE_STATES as readonly string[]).includes(v.state) &&
    isNullableString(v.error, LIMITS.titleChars) &&
    Array.isArray(v.quotes) &&
    v.quotes.length <= LIMITS.quotes &&
    v.quotes.every(isPageQuote) &&
    isObject(v.sources) &&
    Object.keys(v.sources).length <= LIMITS.sources &&
    Object.entries(v.sources).every(([id, s]) => isSourceInfo(s) && s.id === id) &&
    isCount(v.librarySize) &&
    (v.article === undefined || v.article === null || isArticleMeta(v.article))
  );
}

/** The request if `v` is a well-formed request to the background, else null. */
export function parseBackgroundRequest(v: unknown): BackgroundRequest | null {
  if (!isObject(v) || typeof v.type !== 'string') return null;
  switch (v.type) {
    case 'check':
      return hasOnlyKeys(v, ['type', 'quotes']) &&
        Array.isArray(v.quotes) &&
        v.quotes.length <= LIMITS.quotes &&
        v.quotes.every(isQuoteQuery)
        ? { type: 'check', quotes: v.quotes }
        : null;
    case 'search':
      if (!hasOnlyKeys(v, ['type', 'query', 'limit'])) return null;
      if (!isString(v.query, LIMITS.queryChars)) return null;
      if (v.limit !== undefined && !(isCount(v.limit, LIMITS.searchResults) && v.limit > 0)) return null;
      return v.limit === undefined ? { type: 'search', query: v.query } : { type: 'search', query: v.query, limit: v.limit };
    case 'sources':
      return hasOnlyKeys(v, ['type']) ? { type: 'sources' } : null;
    case 'cite':
      return parseCite(v);
    case 'open-options':
      return hasOnlyKeys(v, ['type']) ? { type: 'open-options' } : null;
    case 'library-changed':
      return hasOnlyKeys(v, ['type']) ? { type: 'library-changed' } : null;
    case 'page-results':
      if (v.op === 'set') {
        return hasOnlyKeys(v, ['type', 'op', 'results']) && isPageResults(v.results)
          ? { type: 'page-results', op: 'set', results: v.results }
          : null;
      }
      if (v.op === 'get') {
        return hasOnlyKeys(v, ['type', 'op', 'tabId']) && isCount(v.tabId)
          ? { type: 'page-results', op: 'get', tabId: v.tabId }
          : null;
      }
      return null;
    default:
      return null;
  }
}

export function parseTabRequest(v: unknown): TabRequest | null {
  if (!isObject(v)) return null;
  switch (v.type) {
    case 'show-quote':
      return hasOnlyKeys(v, ['type', 'index']) && isCount(v.index, LIMITS.quotes) ? { type: 'show-quote', index: v.index } : null;
    case 'step-quote':
      return hasOnlyKeys(v, ['type', 'direction']) && (v.direction === 'next' || v.direction === 'previous')
        ? { type: 'step-quote', direction: v.direction }
        : null;
    case 'check-page':
      return hasOnlyKeys(v, ['type']) ? { type: 'check-page' } : null;
    case 'quote-details':
      return hasOnlyKeys(v, ['type', 'index', 'text']) && isCount(v.index, LIMITS.quotes) && isString(v.text, LIMITS.quoteChars)
        ? { type: 'quote-details', index: v.index, text: v.text }
        : null;
    default:
      return null;
  }
}

const DIFF_OPS: readonly string[] = ['equal', 'insert', 'delete', 'replace'];

function isDiffOp(v: unknown): boolean {
  return (
    isObject(v) &&
    hasOnlyKeys(v, ['op', 'quote', 'source']) &&
    typeof v.op === 'string' &&
    DIFF_OPS.includes(v.op) &&
    isString(v.quote, LIMITS.quoteChars) &&
    isString(v.source, LIMITS.quoteChars)
  );
}

/** A source passage is bounded like a quote's context: a paragraph, not a document. */
const PASSAGE_CHARS = 50_000;

function isMatch(v: unknown): boolean {
  if (!isObject(v)) return false;
  return (
    isString(v.sourceId, LIMITS.sourceIdChars) &&
    isCount(v.start) &&
    isCount(v.end) &&
    v.start <= v.end &&
    isString(v.original, PASSAGE_CHARS) &&
    isString(v.context, PASSAGE_CHARS) &&
    isCount(v.contextStart) &&
    v.contextStart <= v.start &&
    isNullableString(v.section, LIMITS.titleChars) &&
    (v.page === null || isCount(v.page)) &&
    typeof v.similarity === 'number' &&
    v.similarity >= 0 &&
    v.similarity <= 1 &&
    Array.isArray(v.diff) &&
    v.diff.length <= LIMITS.quoteChars &&
    v.diff.every(isDiffOp) &&
    typeof v.sourceEnds === 'boolean'
  );
}

function isAlsoIn(v: unknown): boolean {
  return isObject(v) && isString(v.sourceId, LIMITS.sourceIdChars) && isVerdict(v.verdict) && isCount(v.start) && isCount(v.end);
}

export function isQuoteCheck(v: unknown): v is QuoteCheck {
  return (
    isObject(v) &&
    isVerdict(v.verdict) &&
    (v.match === null || isMatch(v.match)) &&
    Array.isArray(v.alsoIn) &&
    v.alsoIn.length <= LIMITS.sources &&
    v.alsoIn.every(isAlsoIn)
  );
}

/**
 * The answer if `v` is a well-formed answer to a quote-details request, else null. The popup checks
 * it like any message: a content script runs inside a page the extension does not control.
 */
export function parseQuoteDetailsResponse(v: unknown): QuoteDetailsResponse | null {
  if (!isObject(v) || v.ok !== true || !hasOnlyKeys(v, ['ok', 'check', 'sources', 'librarySize', 'article'])) return null;
  if (!isQuoteCheck(v.check) || !isCount(v.librarySize)) return null;
  if (!(v.article === null || isArticleMeta(v.article))) return null;
  if (!isObject(v.sources) || Object.keys(v.sources).length > LIMITS.sources) return null;
  if (!Object.entries(v.sources).every(([id, s]) => isSourceInfo(s) && s.id === id)) return null;
  return { ok: true, check: v.check, sources: v.sources as Record<string, SourceInfo>, librarySize: v.librarySize, article: v.article };
}

/** Article metadata trimmed to what a message may carry; null when nothing usable is left. */
export function articleForMessage(article: ArticleMeta | null | undefined): ArticleMeta | null {
  if (!article) return null;
  const trimmed: ArticleMeta = {
    title: article.title?.slice(0, LIMITS.titleChars) ?? null,
    url: article.url && article.url.length <= LIMITS.urlChars ? article.url : null,
    site: article.site?.slice(0, LIMITS.titleChars) ?? null,
    author: article.author?.slice(0, LIMITS.titleChars) ?? null,
    published: article.published && article.published.length <= 40 ? article.published : null,
  };
  return isArticleMeta(trimmed) ? trimmed : null;
}

/** The parts of a runtime.MessageSender this module looks at. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type SenderKind = 'content-script' | 'extension-page';

/**
 * Who sent a message, if it is one of this extension's own contexts: a content script in a tab's
 * top frame, or one of the extension's pages. Anything else (another extension, a web page) is null.
 */
export function senderKind(sender: SenderLike, runtimeId: string, extensionOrigin: string): SenderKind | null {
  if (!runtimeId || sender.id !== runtimeId) return null;
  const url = sender.url ?? '';
  const origin = extensionOrigin.replace(/\/+$/, '');
  const fromExtensionUrl = origin.length > 0 && (url === origin || url.startsWith(origin + '/'));
  if (fromExtensionUrl && (sender.origin === undefined || sender.origin === origin)) return 'extension-page';
  if (sender.tab && typeof sender.tab.id === 'number' && sender.tab.id >= 0 && (sender.frameId ?? 0) === 0) {
    return 'content-script';
  }
  return null;
}

/** Which senders may make which request: only a tab's content script reports that tab's results. */
export function allowed(request: BackgroundRequest, kind: SenderKind): boolean {
  if (request.type === 'library-changed') return kind === 'extension-page';
  if (request.type === 'page-results') return request.op === 'set' ? kind === 'content-script' : kind === 'extension-page';
  return true;
}

// "Add this page": the popup asks the tab's content script for a copy of the page's HTML and reads
// it there (Readability runs in the popup, so the content script of every page does not carry it).
/** From the extension's popup to a tab's content script: a copy of this page's HTML and its address. */
export interface PageDocumentRequest { type: 'page-document' }

/** The page as the popup reads it: its serialised HTML (never inserted anywhere; parsed inertly) and URL. */
export interface PageDocument {
  url: string;
  html: string;
}

export type PageDocumentResponse = { ok: true; page: PageDocument } | ErrorResponse;

/** The largest page HTML the content script hands over: far beyond any article page. */
export const PAGE_DOCUMENT_CHARS = 16_000_000;

export function parsePageDocumentRequest(v: unknown): PageDocumentRequest | null {
  return isObject(v) && v.type === 'page-document' && hasOnlyKeys(v, ['type']) ? { type: 'page-document' } : null;
}

/** Whether a sender is this extension's popup: the one page that may ask for a tab's HTML. */
export function isPopupSender(sender: SenderLike, runtimeId: string, extensionOrigin: string): boolean {
  if (senderKind(sender, runtimeId, extensionOrigin) !== 'extension-page') return false;
  const url = sender.url ?? '';
  const popup = `${extensionOrigin.replace(/\/+$/, '')}/popup.html`;
  return url === popup || url.startsWith(`${popup}?`) || url.startsWith(`${popup}#`);
}

/** A content script's answer to page-document, checked: anything else is treated as no answer. */
export function parsePageDocumentResponse(v: unknown): PageDocumentResponse | null {
  if (!isObject(v)) return null;
  if (v.ok === true && hasOnlyKeys(v, ['ok', 'page']) && isObject(v.page) && hasOnlyKeys(v.page, ['url', 'html'])) {
    const { url, html } = v.page;
    if (isString(url, LIMITS.urlChars) && /^https?:\/\//.test(url) && isString(html, PAGE_DOCUMENT_CHARS)) return { ok: true, page: { url, html } };
    return null;
  }
  if (v.ok === false && hasOnlyKeys(v, ['ok', 'error']) && isString(v.error, LIMITS.titleChars)) return { ok: false, error: v.error };
  return null;
}

/** The page as a library document, read in the popup; the reader corrects the details before it is saved. */
export interface PageSource {
  url: string;
  title: string | null;
  byline: string | null;
  site: string | null;
  published: string | null; // YYYY-MM-DD when the page declares it
  text: string; // source text: `## ` heading lines, a blank line between paragraphs
}

export type PageSourceResponse = { ok: true; page: PageSource } | ErrorResponse;

/** The largest page text the popup takes in: far beyond any article, short of a runaway page. */
export const PAGE_SOURCE_CHARS = 2_000_000;

export function isPageSource(v: unknown): v is PageSource {
  if (!isObject(v) || !hasOnlyKeys(v, ['url', 'title', 'byline', 'site', 'published', 'text'])) return false;
  return (
    isString(v.url, LIMITS.urlChars) &&
    /^https?:\/\//.test(v.url) &&
    isNullableString(v.title, LIMITS.titleChars) &&
    isNullableString(v.byline, LIMITS.titleChars) &&
    isNullableString(v.site, LIMITS.titleChars) &&
    (v.published === null || (isString(v.published, 10) && /^\d{4}-\d{2}-\d{2}$/.test(v.published))) &&
    isString(v.text, PAGE_SOURCE_CHARS)
  );
}
