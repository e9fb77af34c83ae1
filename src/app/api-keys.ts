// API keys: a random secret shown once, stored only as its SHA-256 (a stolen database yields no usable key).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import { API_ROLES, type ApiKeyRecord, type ApiRole, type AuditStore } from '../store/index.ts';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Prefix that makes leaked keys easy to recognise (secret scanners, logs). */
const PREFIX = 'emb_';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function apiRole(value: string): ApiRole {
  if (!(API_ROLES as readonly string[]).includes(value)) {
    throw new AppError('usage', `"${value}" is not a role`, { hint: `use one of ${API_ROLES.join(', ')}` });
  }
  return value as ApiRole;
}

/** Creates a key; the secret is returned once and never stored. */
export async function createApiKey(audit: AuditStore, name: string, role: ApiRole): Promise<{ key: ApiKeyRecord; secret: string }> {
  if (!NAME.test(name)) {
    throw new AppError('usage', `"${name}" is not a key name`, { hint: 'use 1–64 letters, digits, dots, dashes or underscores, e.g. erp-prod' });
  }
  const secret = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const key: ApiKeyRecord = { id: randomUUID(), name, role, secretHash: hashSecret(secret), createdAt: new Date().toISOString(), revokedAt: null };
  await audit.createKey(key);
  return { key, secret };
}

/** The active key with this secret, or undefined (unknown or revoked). */
export async function authenticate(audit: AuditStore, secret: string): Promise<ApiKeyRecord | undefined> {
  const key = await audit.keyBySecretHash(hashSecret(secret));
  return key === undefined || key.revokedAt !== null ? undefined : key;
}
