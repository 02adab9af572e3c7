import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Verbatim's manifest asks for the least that works: storage for settings,
// activeTab/scripting is not needed because the content script is declared,
// and IndexedDB needs no permission. `unlimitedStorage` keeps a large library
// from being evicted.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Verbatim',
    description: 'Checks the quotations on a news page against their original documents, locally.',
    permissions: ['storage', 'unlimitedStorage'],
    browser_specific_settings: {
      gecko: { id: 'verbatim@verbatim.local', data_collection_permissions: { required: ['none'] } },
    },
  },
});
