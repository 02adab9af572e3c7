// Citations for the card and popup, made in the background: citeproc-js and the CSL style files are
// loaded on the first request (dynamic import), so neither the content script nor a background that
// is never asked for a citation pays for them (in Chrome citeproc-js is a script of its own beside the
// worker's: lib/cite/citeproc-script.ts).
import type { CiteRequest, CiteResponse, ErrorResponse } from '@/lib/messages';
import type { CslItem } from '@/lib/cite/csl-record';
import type { SourceMeta } from '@/lib/types';

/** A source as the citation service reads it: its metadata, its text, and a stored CSL record if any. */
export interface CitableSource extends SourceMeta {
  text: string;
  csl?: CslItem | null;
}

export type FindSource = (id: string) => Promise<CitableSource | undefined>;

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** A stored record is used when it looks like one; otherwise it is derived from the metadata. */
function isCslItem(v: unknown): v is CslItem {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.id === 'string' && typeof o.type === 'string' && typeof o.title === 'string';
}

export class CitationService {
  constructor(
    private readonly find: FindSource,
    private readonly now: () => Date = () => new Date(),
    /** Where the build put the CSL data files (a URL ending in `/`); unset in Node, which reads the package. */
    private readonly dataFolder: string | null = null,
  ) {}

  async cite(request: CiteRequest): Promise<CiteResponse | ErrorResponse> {
    const source = await this.find(request.sourceId);
    if (!source) return { ok: false, error: `no source ${request.sourceId} in the library` };
    const [csl, format, exports, fragment, quoted, data] = await Promise.all([
      import('@/lib/cite/csl-record'),
      import('@/lib/cite/format'),
      import('@/lib/cite/export'),
      import('@/lib/cite/fragment'),
      import('@/lib/cite/quote-citation'),
      import('@/lib/cite/style-data'),
    ]);
    if (this.dataFolder) data.setCitationAssetBase(this.dataFolder);
    const accessed = today(this.now());
    const item: CslItem = isCslItem(source.csl)
      ? { ...source.csl, accessed: source.url ? csl.cslDate(accessed) : undefined }
      : csl.cslRecord(source, { accessed });

    const url = source.url && /^https?:\/\//i.test(source.url) ? source.url : null;
    let passageUrl = url;
    const span = request.span;
    if (url && span && span.end <= source.text.length) {
      passageUrl = fragment.textFragmentUrl(url, source.text, span);
    }
    const citation = await format.formatCitation(item, request.style);
    const quoteCitation = request.quote
      ? await quoted.quoteWithCitation(request.quote, item, request.style, {
          passageUrl: passageUrl !== url ? passageUrl : null,
          quotedIn: request.article ?? null,
        })
      : null;
    return {
      ok: true,
      style: request.style,
      citation,
      quoteCitation,
      bibtex: exports.toBibTeX(item),
      ris: exports.toRIS(item),
      csljson: exports.toCslJson(item),
      passageUrl,
    };
  }
}
