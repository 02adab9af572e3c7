// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseArgs, USAGE } from '../../../cli/args';
import { InputError, UsageError } from '../../../cli/errors';

function usageError(argv: string[]): UsageError {
  try {
    parseArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error(`parseArgs(${JSON.stringify(argv)}) did not fail`);
}

describe('parseArgs', () => {
  it('reads a check with several --sources in both spellings', () => {
    expect(parseArgs(['check', 'a.html', '--sources', 'lib/', '--sources=b.txt', '-s', 'c.md', '--json'])).toEqual({
      kind: 'check',
      article: 'a.html',
      sources: ['lib/', 'b.txt', 'c.md'],
      json: true,
    });
  });

  it('takes options before the article and defaults to the table', () => {
    expect(parseArgs(['check', '--sources', 'dir', 'article.txt'])).toEqual({
      kind: 'check',
      article: 'article.txt',
      sources: ['dir'],
      json: false,
    });
  });

  it('treats everything after -- as the article name', () => {
    expect(parseArgs(['check', '--sources', 'd', '--', '--odd-name.txt'])).toMatchObject({ article: '--odd-name.txt' });
  });

  it('answers --help and --version wherever they appear', () => {
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['check', 'a.txt', '-h'])).toEqual({ kind: 'help' });
    expect(parseArgs(['help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
    expect(parseArgs(['-V'])).toEqual({ kind: 'version' });
  });

  it('refuses what the usage does not allow, with exit code 2', () => {
    expect(usageError([]).message).toMatch(/no command/);
    expect(usageError(['verify', 'a.txt']).message).toMatch(/unknown command 'verify'/);
    expect(usageError(['check', '--sources', 'd']).message).toMatch(/no article given/);
    expect(usageError(['check', 'a.txt']).message).toMatch(/no sources given/);
    expect(usageError(['check', 'a.txt', '--sources']).message).toMatch(/--sources needs a file or folder/);
    expect(usageError(['check', 'a.txt', '--sources', '--json']).message).toMatch(/--sources needs/);
    expect(usageError(['check', 'a.txt', '--sources=']).message).toMatch(/--sources needs/);
    expect(usageError(['check', 'a.txt', '--sources', 'd', '--csv']).message).toMatch(/unknown option '--csv'/);
    expect(usageError(['check', 'a.txt', 'b.txt', '--sources', 'd']).message).toMatch(/one article at a time/);
    expect(usageError([]).exitCode).toBe(2);
    expect(new InputError('x').exitCode).toBe(1);
  });

  it('has a usage text that shows the command and every option', () => {
    for (const word of ['verbatim check', '--sources', '--json', '--help', '--version']) expect(USAGE).toContain(word);
  });
});
