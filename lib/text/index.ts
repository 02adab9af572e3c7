// Text handling for matching: normalisation with an offset map, words with matching keys.
export { normalizeForMatch } from './normalize';
export type { NormalizedText, NormalizeOptions } from './normalize';
export { tokenize, matchKey, casedForm, punctuationBetween } from './tokenize';
export type { Token } from './tokenize';
export { foldSpelling } from './spelling';
export { numberKey, compoundNumberKey } from './numbers';
export { isStopword, lightStem } from './stopwords';
