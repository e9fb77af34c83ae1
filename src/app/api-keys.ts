// API keys: a random secret shown once, stored only as its SHA-256 (a stolen database yields no usable key).
import { hash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import { API_ROLES, type ApiKeyRecord, type ApiRole, type AuditStore } from '../store/index.ts';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Prefix that makes leaked keys easy to recognise (secret scanners, logs). */
const PREFIX = 'emb_';

/** SHA-256 (hex) of a secret. The one-shot `crypto.hash` costs ≈ 1 µs, a `createHash` object ≈ 10 µs: this runs per request. */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}

export function apiRole(value: string): ApiRole {
  if (!(API_ROLES as readonly string[]).includes(value)) {
    throw new AppError('usage', `"${value}" is not a role`, { hint: `use one of ${API_ROLES.join(', ')}` });
  }
  return value as ApiRole;
}

/** Creates a key; the secret is returned once and never stored. */
export async function createApiKey(
  audit: AuditStore,
  name: string,
  role: ApiRole,
): Promise<{ key: ApiKeyRecord; secret: string }> {
  if (!NAME.test(name)) {
    throw new AppError('usage', `"${name}" is not a key name`, {
      hint: 'use 1–64 letters, digits, dots, dashes or underscores, e.g. erp-prod',
    });
  }
  const secret = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const key: ApiKeyRecord = {
    id: randomUUID(),
    name,
    role,
    secretHash: hashSecret(secret),
    createdAt: new Date().toISOString(),
    revokedAt: null,
  };
  await audit.createKey(key);
  return { key, secret };
}

/**
 * Recently checked keys, so that a busy server does not query the database on every request. Bounded (entries
 * and age): a revoked key stops working within `ttlMs` (2 s by default) on a running server.
 */
export class KeyCache {
  readonly #audit: AuditStore;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, { key: ApiKeyRecord | undefined; until: number }>();

  constructor(audit: AuditStore, options: { ttlMs?: number; maxEntries?: number } = {}) {
    this.#audit = audit;
    this.#ttlMs = options.ttlMs ?? 2000;
    this.#maxEntries = options.maxEntries ?? 1000;
  }

  /** The active key with this secret, or undefined (unknown or revoked). */
  async authenticate(secret: string): Promise<ApiKeyRecord | undefined> {
    const hash = hashSecret(secret);
    const now = Date.now();
    const cached = this.#entries.get(hash);
    if (cached !== undefined && cached.until > now) return cached.key;
    const stored = await this.#audit.keyBySecretHash(hash);
    const key = stored === undefined || stored.revokedAt !== null ? undefined : stored;
    // Unknown secrets are not cached: a flood of made-up keys cannot evict the real ones.
    if (key !== undefined) {
      if (this.#entries.size >= this.#maxEntries) this.#entries.clear();
      this.#entries.set(hash, { key, until: now + this.#ttlMs });
    } else this.#entries.delete(hash);
    return key;
  }
}
