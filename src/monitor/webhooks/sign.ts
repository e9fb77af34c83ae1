// Standard Webhooks signatures (https://www.standardwebhooks.com/, spec "Verifying webhooks"): the sender signs
// `<webhook-id>.<webhook-timestamp>.<body>` with HMAC-SHA256 under the endpoint's secret and sends
//   webhook-id: msg_…            (the same on every retry of one message)
//   webhook-timestamp: 1674087231 (Unix seconds of this attempt)
//   webhook-signature: v1,<base64 signature>  (space-separated list; one entry here)
// The secret is `whsec_` followed by the base64 of the key bytes; the key is those bytes, not the text.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';

const PREFIX = 'whsec_';
/** Receivers should refuse messages older or newer than this (the spec recommends 5 minutes). */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/** A new secret: 24 random bytes (the spec asks for 24 to 64), base64 behind `whsec_`. */
export function newSecret(): string {
  return `${PREFIX}${randomBytes(24).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  if (!secret.startsWith(PREFIX))
    throw new AppError('invalid_input', 'a webhook secret starts with whsec_', {
      hint: 'use the secret Embargo generated when the endpoint was added',
    });
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  if (key.length < 16) throw new AppError('invalid_input', 'the webhook secret is shorter than 16 bytes');
  return key;
}

/** The `webhook-signature` value for one attempt: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`. */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** The three headers of one attempt. */
export function signedHeaders(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': sign(secret, id, timestamp, body),
  };
}

/**
 * What a receiver does (used by the tests, and documented for users): true when one `v1,` entry of the signature
 * header matches and the timestamp is within the tolerance of `nowSeconds`.
 */
export function verify(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  nowSeconds: number,
): boolean {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > TIMESTAMP_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(sign(secret, headers.id, ts, body));
  return headers.signature.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
