// Keyboard commands (manifest `commands`): step from quote to quote on the active tab. The browser
// runs the command; the tab's content script does the stepping, asked with a validated tab request.
import type { StepQuoteRequest } from '@/lib/messages';
import type { StepDirection } from '@/lib/page/steps';

export const COMMAND_DIRECTIONS: Readonly<Record<string, StepDirection>> = Object.freeze({
  'next-quote': 'next',
  'previous-quote': 'previous',
});

export interface CommandDeps {
  sendToTab(tabId: number, request: StepQuoteRequest): Promise<unknown>;
  /** The active tab, for browsers that do not pass the tab with the command. */
  activeTabId(): Promise<number | null>;
}

export type CommandHandler = (command: string, tab?: { id?: number }) => Promise<boolean>;

/** Handles one command; true when the tab's content script showed a quote. */
export function createCommandHandler(deps: CommandDeps): CommandHandler {
  return async (command, tab) => {
    const direction = COMMAND_DIRECTIONS[command];
    if (!direction) return false;
    const tabId = typeof tab?.id === 'number' && tab.id >= 0 ? tab.id : await deps.activeTabId();
    if (tabId === null) return false;
    try {
      const answer = (await deps.sendToTab(tabId, { type: 'step-quote', direction })) as { ok?: unknown } | undefined;
      return answer?.ok === true;
    } catch {
      return false; // no content script in this tab (a browser page, or one opened before install)
    }
  };
}
