// The part of citeproc-js (npm `citeproc`, CommonJS, no bundled types) that lib/cite uses.
declare module 'citeproc' {
  /** A style or locale in citeproc-js's parsed form: `{ name, attrs, children }`. */
  export interface CslNode {
    name: string;
    attrs: Record<string, string>;
    children: (CslNode | string)[];
  }
  export interface CslSys {
    retrieveLocale(lang: string): CslNode | string;
    retrieveItem(id: string): unknown;
  }
  export type BibliographyResult = [{ bibstart: string; bibend: string; entry_ids: string[][] }, string[]];
  export class Engine {
    constructor(sys: CslSys, style: CslNode | string, lang?: string, forceLang?: boolean);
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
    updateItems(ids: string[]): void;
    makeBibliography(): BibliographyResult | false;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
