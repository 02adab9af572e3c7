// The reader's settings: which citation style "Copy citation" uses, and whether pages are checked
// as they load or only when the reader asks. Stored in `storage.local` under one key; anything
// unreadable there falls back to the defaults field by field, so a bad value never blocks a page.
import { CITATION_STYLES, type CitationStyle } from './cite/style-data';

export interface Settings {
  citationStyle: CitationStyle;
  /** true: every page is checked when it loads; false: only when the reader clicks "Check this page". */
  autoCheck: boolean;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  citationStyle: 'harvard',
  autoCheck: true,
});

/** Settings from whatever storage held: known fields of the right type are kept, the rest defaulted. */
export function parseSettings(stored: unknown): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return out;
  const s = stored as Record<string, unknown>;
  if (typeof s.citationStyle === 'string' && (CITATION_STYLES as readonly string[]).includes(s.citationStyle)) {
    out.citationStyle = s.citationStyle as CitationStyle;
  }
  if (typeof s.autoCheck === 'boolean') out.autoCheck = s.autoCheck;
  return out;
}

/** The parts of `storage.local` the settings need (browser.storage.local fits). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadSettings(area: SettingsArea): Promise<Settings> {
  return parseSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Merges a change into the stored settings and returns the result. */
export async function saveSettings(area: SettingsArea, change: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await loadSettings(area)), ...change });
  await area.set({ [SETTINGS_KEY]: next });
  return next;
}
