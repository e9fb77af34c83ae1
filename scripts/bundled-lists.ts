// Loads every bundled list file a registered format can read (data/** and test/fixtures/**), for the
// evaluation and the benchmark. A folder a format recognises as a whole (the OFAC CSV quartet) is read
// as one input; otherwise each file is tried on its own. Entity ids seen before are skipped (fixtures
// repeat records of the full files).
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Entity } from '../src/domain/entity.ts';
import { chooseFormat } from '../src/ingest/detect.ts';
import { readListFile } from '../src/ingest/read-entities.ts';

export interface LoadedList {
  path: string;
  format: string;
  entities: Entity[];
}

async function detectable(path: string): Promise<string | undefined> {
  try {
    return (await chooseFormat(path)).id;
  } catch {
    return undefined; // no registered format reads it: not a list file
  }
}

async function* inputs(path: string): AsyncGenerator<{ path: string; format: string }> {
  const format = await detectable(path);
  if (format !== undefined) {
    yield { path, format };
    return;
  }
  if (!(await stat(path)).isDirectory()) return;
  for (const name of (await readdir(path)).sort()) {
    if (!name.startsWith('.')) yield* inputs(join(path, name));
  }
}

/** Reads every detectable list input under the roots; `today` fixes which listings have ended. */
export async function loadBundledLists(
  roots: readonly string[],
  today = new Date().toISOString().slice(0, 10),
): Promise<LoadedList[]> {
  const seen = new Set<string>();
  const lists: LoadedList[] = [];
  for (const root of roots) {
    for await (const input of inputs(root)) {
      const result = await readListFile(input.path, { format: input.format, today }).catch(
        (error: unknown) => {
          console.error(
            `skipped ${input.path} (${input.format}): ${error instanceof Error ? error.message : String(error)}`,
          );
          return undefined;
        },
      );
      if (result === undefined) continue;
      const entities = result.entities.filter((e) => !seen.has(e.id));
      for (const e of entities) seen.add(e.id);
      lists.push({ path: input.path, format: input.format, entities });
    }
  }
  return lists;
}

/** Reads one list file (or folder). */
export async function loadList(
  path: string,
  today = new Date().toISOString().slice(0, 10),
): Promise<Entity[]> {
  return (await readListFile(path, { today })).entities;
}
