// Library packs: a selection of sources (or the whole library) as one `.verbatim.json` file that
// another library, or the command line, can read back. Versioned, so a later format can still read
// an older pack; every source carries its content hash, checked on reading so a damaged pack is
// refused instead of half-imported.
import type { SourceOrigin } from '../types';
import { type StoredSource, contentHash } from './db';
import type { IncomingSource } from './import';

export const PACK_FORMAT = 'verbatim-pack';
export const PACK_VERSION = 1;
export const PACK_EXTENSION = '.verbatim.json';

export interface PackSource {
  id: string;
  type: string;
  title: string;
  publisher: string | null;
  author: string | null;
  speaker: string | null;
  published: string | null;
  url: string | null;
  licence: string | null;
  coverage: string | null;
  excerpt: boolean;
  origin: SourceOrigin;
  addedAt: number;
  contentHash: string;
  pageStarts?: number[];
  text: string;
}

export interface Pack {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  exportedAt: string; // ISO date-time
  sources: PackSource[];
}

export class PackError extends Error {
  override name = 'PackError';
}

const ORIGINS: readonly SourceOrigin[] = ['builtin', 'fetched', 'page', 'file', 'paste', 'pack'];

export function buildPack(sources: StoredSource[], now: Date = new Date()): Pack {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    exportedAt: now.toISOString(),
    sources: sources.map((s) => {
      const out: PackSource = {
        id: s.id,
        type: s.type,
        title: s.title,
        publisher: s.publisher,
        author: s.author,
        speaker: s.speaker,
        published: s.published,
        url: s.url,
        licence: s.licence,
        coverage: s.coverage,
        excerpt: s.excerpt,
        origin: s.origin,
        addedAt: s.addedAt,
        contentHash: s.contentHash,
        text: s.text,
      };
      if (s.pageStarts) out.pageStarts = [...s.pageStarts];
      return out;
    }),
  };
}

/**
 * The sources as a pack can carry them: those whose text still hashes to the content hash it was
 * stored with, and apart, those whose text no longer does (damaged where the library keeps it).
 * A pack carrying one of the latter would be refused whole by parsePack, so an export leaves them
 * out and names them.
 */
export async function sourcesToPack(sources: readonly StoredSource[]): Promise<{ whole: StoredSource[]; damaged: StoredSource[] }> {
  const hashes = await Promise.all(sources.map((s) => contentHash(s.text)));
  const whole: StoredSource[] = [];
  const damaged: StoredSource[] = [];
  sources.forEach((s, i) => (hashes[i] === s.contentHash ? whole : damaged).push(s));
  return { whole, damaged };
}

export function packJson(pack: Pack): string {
  return `${JSON.stringify(pack, null, 1)}\n`;
}

/** A file name for an export: `verbatim-library-2026-11-29.verbatim.json`. */
export function packFileName(now: Date = new Date()): string {
  return `verbatim-library-${now.toISOString().slice(0, 10)}${PACK_EXTENSION}`;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const nullableStr = (v: unknown): v is string | null => v === null || typeof v === 'string';

function packSource(v: unknown, n: number): PackSource {
  const where = `source ${n + 1}`;
  if (!isObj(v)) throw new PackError(`${where} is not an object`);
  if (typeof v.id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(v.id)) throw new PackError(`${where} has no valid id`);
  if (typeof v.title !== 'string' || v.title.trim() === '') throw new PackError(`${where} (${v.id}) has no title`);
  if (typeof v.text !== 'string' || v.text.trim() === '') throw new PackError(`${where} (${v.id}) has no text`);
  if (typeof v.type !== 'string') throw new PackError(`${where} (${v.id}) has no type`);
  for (const key of ['publisher', 'author', 'speaker', 'published', 'url', 'licence', 'coverage'] as const) {
    if (!nullableStr(v[key])) throw new PackError(`${where} (${v.id}): ${key} must be text or null`);
  }
  if (typeof v.excerpt !== 'boolean') throw new PackError(`${where} (${v.id}): excerpt must be true or false`);
  if (typeof v.origin !== 'string' || !(ORIGINS as readonly string[]).includes(v.origin)) {
    throw new PackError(`${where} (${v.id}) has an unknown origin`);
  }
  if (typeof v.contentHash !== 'string' || !/^[0-9a-f]{64}$/.test(v.contentHash)) throw new PackError(`${where} (${v.id}) has no content hash`);
  if (typeof v.addedAt !== 'number' || !Number.isFinite(v.addedAt)) throw new PackError(`${where} (${v.id}) has no date added`);
  const pages = v.pageStarts;
  if (pages !== undefined && !(Array.isArray(pages) && pages.every((p) => Number.isInteger(p) && p >= 0))) {
    throw new PackError(`${where} (${v.id}) has malformed page starts`);
  }
  return v as unknown as PackSource;
}

/** Reads a pack; throws PackError for anything that is not a whole, intact pack of a version we know. */
export async function parsePack(json: string): Promise<PackSource[]> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new PackError('the file is not valid JSON');
  }
  if (!isObj(data) || data.format !== PACK_FORMAT) throw new PackError('the file is not a Verbatim library pack');
  if (typeof data.version !== 'number' || data.version > PACK_VERSION || data.version < 1) {
    throw new PackError(`the pack is format version ${String(data.version)}; this version of Verbatim reads version ${PACK_VERSION}`);
  }
  if (!Array.isArray(data.sources)) throw new PackError('the pack has no list of sources');
  const sources = data.sources.map(packSource);
  for (const s of sources) {
    if ((await contentHash(s.text)) !== s.contentHash) {
      throw new PackError(`the text of “${s.title}” does not match its content hash: the pack is damaged`);
    }
  }
  return sources;
}

/** A pack's source as an import brings it in: everything as exported, the time added included. */
export function fromPack(s: PackSource): IncomingSource & { addedAt: number } {
  const { contentHash: _hash, ...rest } = s;
  return { ...rest };
}
