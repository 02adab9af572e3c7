#!/usr/bin/env node
// `npm test`: unit tests, a build of the extension, then the end-to-end tests in a real Chromium.
// Its last line is always `N passed, N failed` (plus `, N skipped`), summed over both test runs,
// because CI reads the closing line and Vitest's own summary is not one it knows.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const wxt = join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
const webExt = join(root, 'node_modules', 'web-ext', 'bin', 'web-ext.js');

function stop(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

// --- What the tests need from the machine -------------------------------------------------------
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 20) {
  stop(`npm test needs Node.js 20 or newer; this is ${process.version}. Install Node 20+ (https://nodejs.org) and run it again.`);
}
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  stop(
    [
      `npm test needs Chromium for the end-to-end tests, and there is none at ${chromium}.`,
      'On Debian or Ubuntu, install it with:  sudo apt-get install chromium',
      'or point CHROMIUM_PATH at a Chromium (or Chrome) binary.',
    ].join('\n'),
  );
}
if (!existsSync(vitest) || !existsSync(wxt)) stop('The dependencies are not installed: run `npm ci` (or `npm install`) first.');

// --- The stages -----------------------------------------------------------------------------------
const work = mkdtempSync(join(tmpdir(), 'verbatim-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const env = { ...process.env, CHROMIUM_PATH: chromium };
// Firefox is optional on a developer's machine (its stage is then skipped); CI installs firefox-esr.
const firefox = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
if (firefox) env.FIREFOX_PATH = firefox;

function banner(title) {
  process.stdout.write(`\n=== ${title} ===\n`);
}

/** Runs a command with the terminal as its output; true when it exits 0. */
function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  if (result.error) process.stderr.write(`could not run ${args.join(' ')}: ${result.error.message}\n`);
  return result.status === 0;
}

/**
 * Adds a Vitest JSON report to the totals. A file that fails before any of its tests run (an import
 * error, a crash in a hook) counts as one failure, and so does a run that crashed without a report.
 */
function addReport(name, reportPath, exitedCleanly) {
  let report;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8'));
  } catch {
    process.stderr.write(`${name}: no test report was written; counting the stage as failed\n`);
    totals.failed += 1;
    return;
  }
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const file of report.testResults ?? []) {
    const anyTestFailed = (file.assertionResults ?? []).some((t) => t.status === 'failed');
    if (file.status === 'failed' && !anyTestFailed) failed += 1;
  }
  if (!exitedCleanly && failed === 0) {
    process.stderr.write(`${name}: Vitest exited with an error; counting the stage as failed\n`);
    failed += 1;
  }
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
}

/** Runs a command and returns what it printed on stdout (its stderr goes to the terminal). */
function capture(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  return { ok: result.status === 0, stdout: result.stdout ?? '' };
}

/** `web-ext lint` of one build: a test that passes with zero errors (warnings are printed, not failed). */
function lintFirefoxBuild(dir) {
  const { stdout } = capture([webExt, 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery']);
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    process.stderr.write(`web-ext lint ${dir}: no report; counting it as failed\n`);
    totals.failed += 1;
    return;
  }
  const { errors = [], warnings = [] } = report;
  for (const e of errors) process.stdout.write(`  error   ${e.code}: ${e.message} (${e.file ?? ''})\n`);
  for (const w of warnings) process.stdout.write(`  warning ${w.code}: ${w.message} (${w.file ?? ''})\n`);
  process.stdout.write(`${errors.length === 0 ? '✓' : '×'} web-ext lint ${dir}: ${errors.length} errors, ${warnings.length} warnings\n`);
  if (errors.length === 0) totals.passed += 1;
  else totals.failed += 1;
}

function vitestRun(name, extraArgs) {
  const reportPath = join(work, `${name}.json`);
  const ok = run([
    vitest,
    'run',
    ...extraArgs,
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportPath}`,
  ]);
  addReport(name, reportPath, ok);
}

try {
  banner('Unit tests');
  vitestRun('unit', []);

  banner('Build the extension (wxt build)');
  if (run([wxt, 'build'])) {
    banner('End-to-end tests (headless Chromium)');
    vitestRun('e2e', ['--config', 'vitest.e2e.config.ts']);
  } else {
    process.stderr.write('The build failed: the end-to-end tests cannot run; counting the stage as failed\n');
    totals.failed += 1;
  }

  banner('Firefox builds (MV2 and MV3), web-ext lint and a smoke test in Firefox');
  const firefoxBuilt = run([wxt, 'build', '-b', 'firefox']) && run([wxt, 'build', '-b', 'firefox', '--mv3']);
  if (!firefoxBuilt) {
    process.stderr.write('A Firefox build failed; counting the stage as failed\n');
    totals.failed += 1;
  } else {
    lintFirefoxBuild('.output/firefox-mv2');
    lintFirefoxBuild('.output/firefox-mv3');
    if (firefox) vitestRun('firefox', ['--config', 'vitest.firefox.config.ts']);
    else {
      process.stdout.write('No Firefox found (set FIREFOX_PATH, or install firefox-esr): the Firefox smoke test is skipped.\n');
      totals.skipped += 1;
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''}`;
process.stdout.write(`\n${summary}\n`);
process.exitCode = totals.failed > 0 ? 1 : 0;
