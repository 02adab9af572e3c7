// One entry for every message the background receives: check the sender, check the shape, then
// answer. Anything that is not from this extension's own contexts, or not a known request, is refused.
import {
  type BackgroundRequest,
  type ErrorResponse,
  type ResponseFor,
  type SenderLike,
  allowed,
  parseBackgroundRequest,
  senderKind,
} from '@/lib/messages';
import type { LibraryService } from './library-service';
import type { PageResultsStore } from './page-results';
import type { RefusalLog, RefusalReason } from './refusals';
import type { CitationService } from './citation-service';

export interface RouterDeps {
  library: LibraryService;
  pages: PageResultsStore;
  runtimeId: string;
  extensionOrigin: string; // e.g. chrome-extension://<id>
  refusals?: RefusalLog;
  citations?: CitationService;
  openOptionsPage?: () => Promise<void>;
}

export type Answer = ResponseFor[keyof ResponseFor] | ErrorResponse;

export function createRouter(deps: RouterDeps) {
  return async function route(message: unknown, sender: SenderLike): Promise<Answer> {
    // A refusal is counted before it is answered, so whoever hears it can already read the count.
    const refuse = async (error: RefusalReason): Promise<ErrorResponse> => {
      await deps.refusals?.count(error);
      return { ok: false, error };
    };
    const kind = senderKind(sender, deps.runtimeId, deps.extensionOrigin);
    if (!kind) return refuse('sender refused');
    const request = parseBackgroundRequest(message);
    if (!request) return refuse('malformed request');
    if (!allowed(request, kind)) return refuse('not allowed from this sender');
    try {
      return await answer(request, sender, deps);
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  };
}

async function answer(request: BackgroundRequest, sender: SenderLike, deps: RouterDeps): Promise<Answer> {
  switch (request.type) {
    case 'check':
      return deps.library.check(request.quotes);
    case 'search':
      return deps.library.search(request.query, request.limit);
    case 'sources':
      return deps.library.sources();
    case 'cite':
      if (!deps.citations) return { ok: false, error: 'citations are not available' };
      return deps.citations.cite(request);
    case 'open-options':
      if (!deps.openOptionsPage) return { ok: false, error: 'no options page' };
      await deps.openOptionsPage();
      return { ok: true };
    case 'library-changed':
      deps.library.invalidate();
      return { ok: true };
    case 'page-results':
      if (request.op === 'get') return { ok: true, results: await deps.pages.get(request.tabId) };
      // A content script reports only for the tab it runs in: the tab id comes from the browser.
      await deps.pages.set(sender.tab!.id!, request.results);
      return { ok: true };
  }
}
