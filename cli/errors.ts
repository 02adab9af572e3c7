// The two ways the command line fails, each with its exit code: the message is printed as one
// line (`verbatim: <message>`), never with a stack trace.

/** The command was not written as the usage says (exit 2). */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** A file named on the command line cannot be used (exit 1). */
export class InputError extends Error {
  readonly exitCode = 1;
}

export type CliError = UsageError | InputError;

export function isCliError(e: unknown): e is CliError {
  return e instanceof UsageError || e instanceof InputError;
}
