// The command line's grammar: `verbatim check <article> --sources <path> [--sources …] [--json]`,
// `verbatim --help`, `verbatim --version`.
import { UsageError } from './errors';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; article: string; sources: string[]; json: boolean };

export const USAGE = `Usage: verbatim check <article.html|article.txt|article.md> --sources <dir|file> [--sources …] [--json]

Finds the quotations in an article and checks each one against a library of original documents.

  --sources, -s <path>  a source file (.txt, .md, .html, .pdf) or a folder of them; repeat for more.
                        A <name>.json beside a file gives its metadata; the source's id is <name>.
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
