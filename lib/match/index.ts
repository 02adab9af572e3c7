// The matching engine's public face.
export { LibraryIndex, buildSourceIndex, SOURCE_INDEX_VERSION } from './library-index';
export type { SourceIndexData } from './library-index';
export { packSourceIndex, unpackSourceIndex } from './packed-index';
export type { PackedSourceIndex } from './packed-index';
export { checkQuote, checkQuoteIn } from './check-quote';
export { searchLibrary } from './search';
export type { SearchHit } from './search';
export * as thresholds from './thresholds';
