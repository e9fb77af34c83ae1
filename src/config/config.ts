// Configuration is read once, here, from the environment and CLI flags, then frozen and passed down.
// Nothing below config/ reads process.env.

export interface Config {
  /** SQLite file path or postgres:// URL. */
  readonly db: string;
  /** "Today" for deciding whether listings have ended (ISO date, UTC). */
  readonly today: string;
  /** HMAC key that signs audit checkpoints (env EMBARGO_AUDIT_KEY); `audit checkpoint` refuses to run without it. */
  readonly auditKey?: string;
  /** Embargoed-jurisdictions table (env EMBARGO_JURISDICTIONS); absent = the bundled data/jurisdictions/embargoed.json. */
  readonly jurisdictions?: string;
  /** `embargo update` source overrides file (env EMBARGO_SOURCES; `--sources` wins); absent = the bundled data/sources.json only. */
  readonly sourcesFile?: string;
  /** Access token of the EU Financial Sanctions File download (env EMBARGO_EU_FSF_TOKEN); without it `update` skips eu_fsf. */
  readonly euFsfToken?: string;
}

export interface ConfigOverrides {
  db?: string | undefined;
}

export const DEFAULT_DB = './embargo.db';

/** Builds the frozen configuration: flag > environment (EMBARGO_DB) > default. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, overrides: ConfigOverrides = {}): Config {
  return Object.freeze({
    db: overrides.db ?? env['EMBARGO_DB'] ?? DEFAULT_DB,
    today: new Date().toISOString().slice(0, 10),
    ...(nonEmpty(env['EMBARGO_AUDIT_KEY']) === undefined ? {} : { auditKey: nonEmpty(env['EMBARGO_AUDIT_KEY'])! }),
    ...(nonEmpty(env['EMBARGO_JURISDICTIONS']) === undefined ? {} : { jurisdictions: nonEmpty(env['EMBARGO_JURISDICTIONS'])! }),
    ...(nonEmpty(env['EMBARGO_SOURCES']) === undefined ? {} : { sourcesFile: nonEmpty(env['EMBARGO_SOURCES'])! }),
    ...(nonEmpty(env['EMBARGO_EU_FSF_TOKEN']) === undefined ? {} : { euFsfToken: nonEmpty(env['EMBARGO_EU_FSF_TOKEN'])!.trim() }),
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
