// The toolbar badge per tab: set when a tab reports its results, cleared when its results are
// dropped (the tab loads another page or closes). Works by wrapping the results store, so every
// path that stores or forgets a tab's results keeps the badge in step. Needs no permission.
import { type Badge, EMPTY_BADGE, badgeFor } from '@/lib/page/badge';
import type { PageResults } from '@/lib/messages';
import type { PageResultsStore } from './page-results';

/** The parts of `action` (MV3) or `browserAction` (MV2) the badge uses. */
export interface BadgeAction {
  setBadgeText(details: { tabId: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void> | void;
  setTitle(details: { tabId: number; title: string }): Promise<void> | void;
}

export function badgeOfResults(results: PageResults): Badge {
  return results.state === 'done' || results.state === 'checking' ? badgeFor(results.quotes.map((q) => q.verdict)) : EMPTY_BADGE;
}

export async function applyBadge(action: BadgeAction, tabId: number, badge: Badge): Promise<void> {
  try {
    await Promise.all([
      action.setBadgeText({ tabId, text: badge.text }),
      action.setBadgeBackgroundColor({ tabId, color: badge.colour }),
      action.setTitle({ tabId, title: badge.title }),
    ]);
  } catch {
    // The tab closed meanwhile: there is no badge left to set.
  }
}

/** A results store that also keeps each tab's badge. */
export function withBadge(store: PageResultsStore, action: BadgeAction | null | undefined): PageResultsStore {
  if (!action) return store;
  return {
    get: (tabId) => store.get(tabId),
    async set(tabId, results) {
      await store.set(tabId, results);
      await applyBadge(action, tabId, badgeOfResults(results));
    },
    async remove(tabId) {
      await store.remove(tabId);
      await applyBadge(action, tabId, EMPTY_BADGE);
    },
  };
}
