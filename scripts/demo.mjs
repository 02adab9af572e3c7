#!/usr/bin/env node
// `npm run demo`: builds the extension, checks the reference article against the starter library
// from the command line, and says how to load the extension in a browser.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const wxt = join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
const article = 'tests/fixtures/corpus/articles/wilby-2023-12-08.html';
const library = 'public/sources';
const built = join(root, '.output', 'chrome-mv3');

function run(title, args) {
  process.stdout.write(`\n=== ${title} ===\n`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`\nThe demo stopped: ${title.toLowerCase()} failed${result.error ? ` (${result.error.message})` : ''}.\n`);
    process.exit(result.status || 1);
  }
}

if (!existsSync(wxt)) {
  process.stderr.write('The dependencies are not installed: run `npm install` first.\n');
  process.exit(1);
}

run('Building the extension (wxt build)', [wxt, 'build']);
run(`Checking the quotes of ${article} against ${library}/`, [
  join(root, 'bin', 'verbatim.mjs'),
  'check',
  article,
  '--sources',
  library,
]);

process.stdout.write(`
=== Try it in a browser ===
The built extension is in ${relative(process.cwd(), built) || built}/

Chrome or Chromium:
  1. open chrome://extensions
  2. switch on "Developer mode" (top right)
  3. click "Load unpacked" and choose the folder ${built}

Firefox:
  1. npm run build:firefox        (builds .output/firefox-mv2/)
  2. open about:debugging#/runtime/this-firefox
  3. click "Load Temporary Add-on…" and choose .output/firefox-mv2/manifest.json

Then open a news page that quotes a document in your library. To try the reference page, serve it
over http (Verbatim reads http and https pages only), for example:
  npx http-server ${join(root, 'tests/fixtures/corpus/articles')}   or   python3 -m http.server -d ${join(root, 'tests/fixtures/corpus/articles')}

The same check from the command line, as JSON:
  node bin/verbatim.mjs check ${article} --sources ${library} --json
`);
