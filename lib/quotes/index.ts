// Quote detection in plain text and in a page's DOM, with attribution cues (DESIGN.md stage 2).
export { detectQuotes, detectQuotesInSteps, type DetectProgress, type ExplicitQuote } from './detect';
export { finish, finishInSlices, type SliceOptions, type Steps } from './steps';
export { findAttribution } from './attribution';
export { quoteContext } from './context';
export { extractArticle, rangeFor, offsetOf, type TextSegment, type ExtractedArticle } from './extract';
export { readArticleMeta } from './meta';
