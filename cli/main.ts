// `verbatim`: the engine on the command line. Reads an article and a library of sources, checks
// every quote, and prints a table or the JSON report (DESIGN.md, "Command line").
import { readFileSync } from 'node:fs';
import { parseArgs, USAGE } from './args';
import { isCliError } from './errors';

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown };
  env: Record<string, string | undefined>;
}

const defaultIo: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env };

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** Colour only for a person at a terminal, and never when NO_COLOR asks for none (no-color.org). */
export function useColor(io: Io): boolean {
  return io.stdout.isTTY === true && !io.env.NO_COLOR;
}

/** Runs the command and returns its exit status; every failure is one line on stderr. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    const command = parseArgs(argv);
    if (command.kind === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (command.kind === 'version') {
      io.stdout.write(`verbatim ${version()}\n`);
      return 0;
    }
    if (command.kind === 'pack') {
      const { runPack } = await import('./pack');
      const pack = await runPack(command.sources, command.output);
      io.stderr.write(`verbatim: wrote ${pack.sources.length} source${pack.sources.length === 1 ? '' : 's'} to ${command.output}\n`);
      return 0;
    }
    // The engine loads only for a check, so that --help and --version answer at once.
    const [{ runCheck }, { reportJson }, { renderTable }] = await Promise.all([
      import('./check'),
      import('../lib/check-article'),
      import('./table'),
    ]);
    const report = await runCheck(command.article, command.sources);
    if (command.json) {
      io.stdout.write(`${JSON.stringify(reportJson(report), null, 2)}\n`);
    } else {
      const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 110;
      io.stdout.write(renderTable(report, { color: useColor(io), width }));
    }
    return 0;
  } catch (e) {
    if (isCliError(e)) {
      io.stderr.write(`verbatim: ${e.message}\n`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    io.stderr.write(`verbatim: unexpected error: ${message}\n`);
    if (io.env.VERBATIM_DEBUG && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
