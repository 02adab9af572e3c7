// Reading the files named on the command line as text, with one clear message for each way it fails.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from './errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/** Why a path could not be read, in a reader's words. */
export function describeReadError(path: string, e: unknown): InputError {
  switch (errnoCode(e)) {
    case 'ENOENT':
      return new InputError(`no such file or folder: ${path}`);
    case 'EACCES':
    case 'EPERM':
      return new InputError(`cannot read ${path}: permission denied`);
    case 'EISDIR':
      return new InputError(`${path} is a folder, not a file`);
    case 'ENOTDIR':
      return new InputError(`no such file or folder: ${path}`);
    default:
      return new InputError(`cannot read ${path}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

export async function pathKind(path: string): Promise<'file' | 'folder'> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return 'folder';
    if (s.isFile()) return 'file';
    throw new InputError(`${path} is not a regular file`);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw describeReadError(path, e);
  }
}

/**
 * A file's text exactly as stored (UTF-8; only a leading byte-order mark is dropped, so that
 * offsets count the characters a reader sees). Empty, binary and non-UTF-8 files are refused.
 */
export async function readTextFile(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw describeReadError(path, e);
  }
  if (bytes.length === 0) throw new InputError(`${path} is empty`);
  // A NUL byte never occurs in text: this is an image, an archive, a PDF saved under another name…
  if (bytes.subarray(0, 65536).includes(0)) throw new InputError(`${path} is not a text file (it holds binary data)`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError(`${path} is not UTF-8 text`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError(`${path} is empty`);
  return text;
}

/** The extension, lower-cased, with its dot (`.html`); '' when there is none. */
export function extensionOf(path: string): string {
  return extname(path).toLowerCase();
}
