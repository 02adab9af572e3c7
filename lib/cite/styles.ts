// The citation styles by name only: a module light enough for content scripts and message checks
// (style-data.ts, which locates the style files, stays with the formatter).

export type CitationStyle = 'harvard' | 'apa' | 'mla' | 'chicago' | 'oscola';
export type CitationLocale = 'en-GB' | 'en-US';

export const CITATION_STYLES: readonly CitationStyle[] = ['harvard', 'apa', 'mla', 'chicago', 'oscola'];

/** The names a reader sees in the style menu. */
export const STYLE_LABELS: Record<CitationStyle, string> = {
  harvard: 'Harvard',
  apa: 'APA 7',
  mla: 'MLA 9',
  chicago: 'Chicago',
  oscola: 'OSCOLA',
};
