// The catalogue of lists `embargo update` can download: data/sources.json (official URLs, expected format,
// minimum plausible size), with a user's overrides file applied (other URLs, e.g. a mirror or a test server;
// other minimum sizes; sources switched off). Validated once here; everything downstream gets plain values.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { listId, type ListId } from '../../domain/ids.ts';
import type { ExpectedKind } from './content-checks.ts';

/** The bundled catalogue. */
export const DEFAULT_SOURCES_PATH = fileURLToPath(new URL('../../../data/sources.json', import.meta.url));

/** Placeholder in a URL for the source's access token (EU FSF). */
export const TOKEN_PLACEHOLDER = '{token}';

export interface SourceFile {
  /** The name the file is saved under (the list reader may rely on it, e.g. OFAC's sdn.csv). */
  name: string;
  url: string;
  kind: ExpectedKind;
  minBytes: number;
  /** The first 4 KiB must match this. */
  signature: RegExp | undefined;
  /** Accepted media types, when not the defaults for the kind. */
  contentTypes: readonly string[] | undefined;
}

export interface UpdateSource {
  listId: ListId;
  title: string;
  /** Format id the downloaded files are read with (src/sources/registry.ts). */
  format: string;
  docs: readonly string[];
  requiresToken: boolean;
  enabled: boolean;
  /** Every part of the list; all are downloaded before any is imported. */
  files: readonly SourceFile[];
}

const HTTP_URL = z.string().refine((value) => /^https?:\/\/[^\s/]+/.test(value), 'must be an http:// or https:// URL');
const FILE_NAME = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a plain file name');

const fileSchema = z.object({
  name: FILE_NAME,
  url: HTTP_URL,
  kind: z.enum(['csv', 'xml']),
  minBytes: z.number().int().nonnegative(),
  signature: z.string().optional(),
  contentTypes: z.array(z.string()).optional(),
});

const catalogueSchema = z.object({
  version: z.literal(1),
  sources: z.array(
    z.object({
      listId: z.string(),
      title: z.string(),
      format: z.string(),
      docs: z.array(z.string()),
      requiresToken: z.boolean().optional(),
      files: z.array(fileSchema).min(1),
    }),
  ),
});

const fileOverrideSchema = z.strictObject({ url: HTTP_URL.optional(), minBytes: z.number().int().nonnegative().optional() });

/** The overrides file: `{ "sources": { "<listId>": { "url"?, "minBytes"?, "enabled"?, "files"?: { "<name>": { "url"?, "minBytes"? } } } } }`.
 *  `url` and `minBytes` directly on a source apply to single-file sources only. */
const overridesSchema = z.strictObject({
  sources: z.record(
    z.string(),
    z.strictObject({
      enabled: z.boolean().optional(),
      url: HTTP_URL.optional(),
      minBytes: z.number().int().nonnegative().optional(),
      files: z.record(z.string(), fileOverrideSchema).optional(),
    }),
  ),
});
type Overrides = z.infer<typeof overridesSchema>;

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError('not_found', `cannot read the ${what} ${path}`, { where: path, hint: 'check the path (--sources or EMBARGO_SOURCES)', cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('invalid_input', `the ${what} ${path} is not valid JSON: ${(error as Error).message}`, { where: path, hint: 'fix the JSON syntax', cause: error });
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, path: string, what: string, example: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const at = issue.path.length === 0 ? '(top level)' : issue.path.join('.');
  throw new AppError('invalid_input', `the ${what} ${path} is invalid at ${at}: ${issue.message}`, { where: `${path}: ${at}`, hint: example });
}

function compileSignature(pattern: string | undefined, where: string): RegExp | undefined {
  if (pattern === undefined) return undefined;
  try {
    return new RegExp(pattern);
  } catch (error) {
    throw new AppError('invalid_input', `bad signature pattern /${pattern}/ in ${where}`, { where, cause: error });
  }
}

/** Reads the catalogue, applies the overrides file if given, and returns the sources in catalogue order. */
export async function loadSourceCatalogue(options: { defaultsPath?: string; overridesPath?: string | undefined } = {}): Promise<UpdateSource[]> {
  const path = options.defaultsPath ?? DEFAULT_SOURCES_PATH;
  const sources = parseCatalogue(await readJson(path, 'source catalogue'), path);
  if (options.overridesPath === undefined) return sources;
  const example = '{ "sources": { "un_sc": { "url": "https://mirror.example/consolidated.xml" }, "us_ofac_sdn": { "files": { "sdn.csv": { "url": "…" } } }, "eu_fsf": { "enabled": false } } }';
  const overrides = parseWith(overridesSchema, await readJson(options.overridesPath, 'sources overrides file'), options.overridesPath, 'sources overrides file', example);
  return applyOverrides(sources, overrides, options.overridesPath);
}

/** The bundled catalogue without overrides, read synchronously (for help texts). */
export function bundledSourcesSync(): UpdateSource[] {
  return parseCatalogue(JSON.parse(readFileSync(DEFAULT_SOURCES_PATH, 'utf8')), DEFAULT_SOURCES_PATH);
}

function parseCatalogue(value: unknown, path: string): UpdateSource[] {
  const raw = parseWith(catalogueSchema, value, path, 'source catalogue', 'see data/sources.json for the expected shape');
  return raw.sources.map((s) => ({
    listId: listId(s.listId),
    title: s.title,
    format: s.format,
    docs: s.docs,
    requiresToken: s.requiresToken === true,
    enabled: true,
    files: s.files.map((f) => ({
      name: f.name,
      url: f.url,
      kind: f.kind,
      minBytes: f.minBytes,
      signature: compileSignature(f.signature, `${path}: ${s.listId}/${f.name}`),
      contentTypes: f.contentTypes,
    })),
  }));
}

function applyOverrides(sources: UpdateSource[], overrides: Overrides, path: string): UpdateSource[] {
  const byId = new Map(sources.map((s) => [s.listId as string, s]));
  for (const id of Object.keys(overrides.sources)) {
    if (!byId.has(id)) {
      throw new AppError('invalid_input', `${path} overrides "${id}", which is not an updatable list`, { where: path, hint: `updatable lists: ${[...byId.keys()].join(', ')}` });
    }
  }
  return sources.map((source) => {
    const o = overrides.sources[source.listId];
    if (o === undefined) return source;
    const where = `${path}: sources.${source.listId}`;
    if ((o.url !== undefined || o.minBytes !== undefined) && source.files.length > 1) {
      throw new AppError('invalid_input', `${source.listId} has ${source.files.length} files: set "url"/"minBytes" per file`, {
        where,
        hint: `use "files": { ${source.files.map((f) => `"${f.name}": { "url": "…" }`).join(', ')} }`,
      });
    }
    for (const name of Object.keys(o.files ?? {})) {
      if (!source.files.some((f) => f.name === name)) {
        throw new AppError('invalid_input', `${source.listId} has no file "${name}"`, { where, hint: `its files: ${source.files.map((f) => f.name).join(', ')}` });
      }
    }
    const files = source.files.map((f) => {
      const fo = o.files?.[f.name] ?? {};
      return { ...f, url: fo.url ?? o.url ?? f.url, minBytes: fo.minBytes ?? o.minBytes ?? f.minBytes };
    });
    return { ...source, enabled: o.enabled ?? source.enabled, files };
  });
}
