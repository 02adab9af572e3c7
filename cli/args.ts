// The command line's grammar: `verbatim check <article> --sources <path> [--sources …] [--json]`,
// `verbatim pack <dir|file>… -o <file>`, `verbatim --help`, `verbatim --version`.
import { UsageError } from './errors';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; article: string; sources: string[]; json: boolean }
  | { kind: 'pack'; sources: string[]; output: string };

export const USAGE = `Usage: verbatim check <article.html|article.txt|article.md> --sources <dir|file> [--sources …] [--json]
       verbatim pack <dir|file> [<dir|file> …] -o <library.verbatim.json>

check: finds the quotations in an article and checks each one against a library of original documents.
pack:  writes the sources of folders or files as one library pack, which the extension's library page
       imports and --sources reads.

  --sources, -s <path>  a source file (.txt, .md, .html, .pdf), a library pack (.verbatim.json) or a
                        folder of source files; repeat for more.
                        A <name>.json beside a file gives its metadata; the source's id is <name>.
  --output, -o <file>   (pack) the pack file to write; its name ends in .verbatim.json
  --json                print one JSON object instead of the table
  --help, -h            show this help
  --version, -V         show the version

Exit status: 0 when the article was checked, 1 when a file cannot be used, 2 for a usage error.`;

export function parseArgs(argv: readonly string[]): Command {
  if (argv.some((a) => a === '--help' || a === '-h')) return { kind: 'help' };
  if (argv.some((a) => a === '--version' || a === '-V')) return { kind: 'version' };
  if (argv.length === 0) throw new UsageError('no command given (try: verbatim --help)');

  const [command, ...rest] = argv;
  if (command === 'help') return { kind: 'help' };
  if (command === 'version') return { kind: 'version' };
  if (command === 'pack') return parsePack(rest);
  if (command !== 'check') {
    throw new UsageError(`unknown command '${command}' (try: verbatim --help)`);
  }

  const positional: string[] = [];
  const sources: string[] = [];
  let json = false;
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      positional.push(arg);
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (arg === '--json') {
      json = true;
    } else if (arg === '--sources' || arg === '-s') {
      const value = rest[i + 1];
      if (value === undefined || value === '' || value.startsWith('--')) {
        throw new UsageError(`${arg} needs a file or folder`);
      }
      sources.push(value);
      i++;
    } else if (arg.startsWith('--sources=')) {
      const value = arg.slice('--sources='.length);
      if (!value) throw new UsageError('--sources needs a file or folder');
      sources.push(value);
    } else {
      throw new UsageError(`unknown option '${arg}' (try: verbatim --help)`);
    }
  }

  if (positional.length === 0) throw new UsageError('no article given: verbatim check <article> --sources <dir|file>');
  if (positional.length > 1) {
    throw new UsageError(`one article at a time (got ${positional.length}: ${positional.join(', ')})`);
  }
  if (sources.length === 0) throw new UsageError('no sources given: add --sources <dir|file>');
  return { kind: 'check', article: positional[0], sources, json };
}

function parsePack(rest: readonly string[]): Command {
  const sources: string[] = [];
  let output: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--output' || arg === '-o') {
      const value = rest[i + 1];
      if (value === undefined || value === '' || value.startsWith('-')) throw new UsageError(`${arg} needs a file name`);
      output = value;
      i++;
    } else if (arg.startsWith('--output=')) {
      output = arg.slice('--output='.length) || null;
      if (!output) throw new UsageError('--output needs a file name');
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}' (try: verbatim --help)`);
    } else {
      sources.push(arg);
    }
  }
  if (sources.length === 0) throw new UsageError('no sources given: verbatim pack <dir|file> -o <file.verbatim.json>');
  if (output === null) throw new UsageError('no output given: add -o <file.verbatim.json>');
  if (!output.toLowerCase().endsWith('.verbatim.json')) throw new UsageError(`the pack's name must end in .verbatim.json (got ${output})`);
  return { kind: 'pack', sources, output };
}
