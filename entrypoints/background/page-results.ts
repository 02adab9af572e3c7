// What each tab's content script found, kept for the popup. `storage.session` outlives a stopped
// service worker and is cleared when the browser closes; where it is missing, memory will do.
import type { PageResults } from '@/lib/messages';

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface PageResultsStore {
  get(tabId: number): Promise<PageResults | null>;
  set(tabId: number, results: PageResults): Promise<void>;
  remove(tabId: number): Promise<void>;
}

const key = (tabId: number) => `page-results:${tabId}`;

export function pageResultsStore(session: SessionArea | null | undefined): PageResultsStore {
  if (!session) {
    const memory = new Map<number, PageResults>();
    return {
      get: async (tabId) => memory.get(tabId) ?? null,
      set: async (tabId, results) => void memory.set(tabId, results),
      remove: async (tabId) => void memory.delete(tabId),
    };
  }
  return {
    async get(tabId) {
      const found = (await session.get(key(tabId)))[key(tabId)];
      return (found as PageResults | undefined) ?? null;
    },
    set: (tabId, results) => session.set({ [key(tabId)]: results }),
    remove: (tabId) => session.remove(key(tabId)),
  };
}
