#!/usr/bin/env node
// Runs a TypeScript script of the project: `node bin/run-ts.mjs scripts/eval.ts [args…]`.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import './ts-runtime.mjs';

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node bin/run-ts.mjs <file.ts> [args…]\n');
  process.exit(2);
}
// The script sees its own arguments as if it had been run directly.
process.argv = [process.argv[0], resolve(script), ...rest];
await import(pathToFileURL(resolve(script)).href);
