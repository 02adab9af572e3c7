// `verbatim pack`: the sources of folders or files as one `.verbatim.json` library pack.
import { writeFile } from 'node:fs/promises';
import { toStored } from '../lib/library/db';
import { type Pack, buildPack, packJson } from '../lib/library/pack';
import { InputError } from './errors';
import { loadSources } from './sources';

export async function runPack(paths: readonly string[], output: string, now: Date = new Date()): Promise<Pack> {
  const sources = await loadSources(paths);
  // Files gathered into a pack enter a library as a pack's sources: that is where the reader got them.
  const stored = await Promise.all(sources.map((s) => toStored({ ...s, origin: 'pack' }, now.getTime())));
  const pack = buildPack(stored, now);
  try {
    await writeFile(output, packJson(pack), 'utf8');
  } catch (e) {
    throw new InputError(`cannot write ${output}: ${(e as { code?: string }).code ?? String(e)}`);
  }
  return pack;
}
