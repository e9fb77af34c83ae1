// Finding the four files of an OFAC legacy CSV set (SDN: sdn.csv, add.csv, alt.csv, sdn_comments.csv;
// consolidated: cons_prim.csv, cons_add.csv, cons_alt.csv, cons_comments.csv). OFAC publishes the names in
// upper case (SDN.CSV …) and mirrors often lower-case them, so names are matched case-insensitively.
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../domain/errors.ts';

/** Which OFAC list the set holds. */
export type OfacSet = 'sdn' | 'cons';
export type OfacFileRole = 'primary' | 'addresses' | 'aliases' | 'comments';

const FILE_NAMES: Readonly<Record<OfacSet, Readonly<Record<OfacFileRole, string>>>> = {
  sdn: { primary: 'sdn.csv', addresses: 'add.csv', aliases: 'alt.csv', comments: 'sdn_comments.csv' },
  cons: {
    primary: 'cons_prim.csv',
    addresses: 'cons_add.csv',
    aliases: 'cons_alt.csv',
    comments: 'cons_comments.csv',
  },
};

/** Paths of one set; a secondary file missing from the folder is undefined. */
export interface OfacFileSet {
  set: OfacSet;
  primary: string;
  addresses: string | undefined;
  aliases: string | undefined;
  comments: string | undefined;
}

/** The set whose primary file is among these names (case-insensitive), if any. */
export function primarySetIn(fileNames: readonly string[]): OfacSet | undefined {
  const lower = new Set(fileNames.map((n) => n.toLowerCase()));
  if (lower.has(FILE_NAMES.sdn.primary)) return 'sdn';
  if (lower.has(FILE_NAMES.cons.primary)) return 'cons';
  return undefined;
}

/** Resolves a folder, or the path of its primary file, to the set's four paths. */
export async function locateOfacFiles(path: string): Promise<OfacFileSet> {
  const isDir = await isDirectory(path);
  const dir = isDir ? path : dirname(path);
  const names = await listFolder(dir);
  if (isDir) {
    const set = primarySetIn(names);
    if (set === undefined) {
      throw new AppError('unusable_file', `no sdn.csv or cons_prim.csv in ${dir}`, {
        where: dir,
        hint: "point at the folder holding OFAC's legacy CSV files (sdn.csv, add.csv, alt.csv, sdn_comments.csv) or at sdn.csv itself",
      });
    }
    return resolveSet(set, dir, names, find(names, FILE_NAMES[set].primary) as string);
  }
  // A primary file under another name (e.g. "sdn (1).csv") is read with the set's usual sibling names.
  const set: OfacSet = basename(path).toLowerCase().startsWith('cons') ? 'cons' : 'sdn';
  return resolveSet(set, dir, names, basename(path));
}

function resolveSet(set: OfacSet, dir: string, names: readonly string[], primaryName: string): OfacFileSet {
  const sibling = (role: OfacFileRole): string | undefined => {
    const found = find(names, FILE_NAMES[set][role]);
    return found === undefined ? undefined : join(dir, found);
  };
  return {
    set,
    primary: join(dir, primaryName),
    addresses: sibling('addresses'),
    aliases: sibling('aliases'),
    comments: sibling('comments'),
  };
}

/** The expected file name of a role, for messages about a missing file. */
export function expectedName(set: OfacSet, role: OfacFileRole): string {
  return FILE_NAMES[set][role];
}

function find(names: readonly string[], wanted: string): string | undefined {
  return names.find((n) => n.toLowerCase() === wanted);
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    throw new AppError('unusable_file', `cannot read ${path}`, {
      where: path,
      hint: 'check the path: expected a folder with sdn.csv (or cons_prim.csv) and its add/alt/comments files',
      cause: error,
    });
  }
}

async function listFolder(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    throw new AppError('unusable_file', `cannot list folder ${dir}`, {
      where: dir,
      hint: 'check the folder is readable',
      cause: error,
    });
  }
}
