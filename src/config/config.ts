// Configuration is read once, here, from the environment and CLI flags, then frozen and passed down.
// Nothing below config/ reads process.env.

export interface Config {
  /** SQLite file path or postgres:// URL. */
  readonly db: string;
  /** "Today" for deciding whether listings have ended (ISO date, UTC). */
  readonly today: string;
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
  });
}
