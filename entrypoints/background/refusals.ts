// How many messages the background refused, by reason, kept in storage.session so that a stopped
// service worker does not forget them. A refusal is never an error the sender learns more about
// than its one-word reason; the count is for the reader's diagnostics and the tests.
import type { SessionArea } from './page-results';

export type RefusalReason = 'sender refused' | 'malformed request' | 'not allowed from this sender';

export type RefusalCounts = Partial<Record<RefusalReason, number>>;

export const REFUSALS_KEY = 'refused-messages';

export interface RefusalLog {
  count(reason: RefusalReason): Promise<void>;
  counts(): Promise<RefusalCounts>;
}

export function refusalLog(session: SessionArea | null | undefined): RefusalLog {
  let memory: RefusalCounts = {};
  // Writes are chained so that two refusals at once both count.
  let queue: Promise<void> = Promise.resolve();
  const read = async (): Promise<RefusalCounts> =>
    session ? (((await session.get(REFUSALS_KEY))[REFUSALS_KEY] as RefusalCounts | undefined) ?? {}) : memory;
  return {
    count(reason) {
      queue = queue
        .then(async () => {
          const counts = { ...(await read()) };
          counts[reason] = (counts[reason] ?? 0) + 1;
          if (session) await session.set({ [REFUSALS_KEY]: counts });
          else memory = counts;
        })
        .catch(() => undefined); // counting must never break answering
      return queue;
    },
    counts: () => queue.then(read),
  };
}
