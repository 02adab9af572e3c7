#!/usr/bin/env node
// The `verbatim` command: runs cli/main.ts through tsx, so a fresh `npm ci` needs no build.
import './ts-runtime.mjs';

// A reader piping into `head` closes stdout early: that is not an error worth a trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

let main;
try {
  ({ main } = await import('../cli/main.ts'));
} catch (e) {
  process.stderr.write(`verbatim: cannot start: ${String(e?.message ?? e).split('\n')[0]}\n`);
  if (process.env.VERBATIM_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
  process.exit(1);
}
process.exitCode = await main(process.argv.slice(2));
