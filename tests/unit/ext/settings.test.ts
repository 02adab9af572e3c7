import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, parseSettings, saveSettings, type SettingsArea } from '@/lib/settings';

function memoryArea(initial: Record<string, unknown> = {}): SettingsArea & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    get: async (key) => (key in data ? { [key]: data[key] } : {}),
    set: async (items) => void Object.assign(data, items),
  };
}

describe('settings', () => {
  it('defaults when nothing is stored', async () => {
    expect(await loadSettings(memoryArea())).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and defaults the rest', () => {
    expect(parseSettings({ citationStyle: 'apa', autoCheck: 'yes' })).toEqual({ citationStyle: 'apa', autoCheck: true });
    expect(parseSettings({ citationStyle: 'vancouver', autoCheck: false })).toEqual({ citationStyle: 'harvard', autoCheck: false });
    expect(parseSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('saves a change merged into what was stored', async () => {
    const area = memoryArea({ settings: { citationStyle: 'oscola', autoCheck: true } });
    const next = await saveSettings(area, { autoCheck: false });
    expect(next).toEqual({ citationStyle: 'oscola', autoCheck: false });
    expect(area.data.settings).toEqual({ citationStyle: 'oscola', autoCheck: false });
    expect(await loadSettings(area)).toEqual(next);
  });
});
