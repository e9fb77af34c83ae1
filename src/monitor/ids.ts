// Ids of alerts and webhook messages: a time prefix (so that ids sort in creation order, which keeps alert lists and
// the outbox in a stable order without a sequence) and 80 random bits.
import { randomBytes } from 'node:crypto';

function timeRandom(now: Date): string {
  return `${now.getTime().toString(36).padStart(9, '0')}${randomBytes(10).toString('hex')}`;
}

/** `al_<time><random>` */
export function newAlertId(now: Date = new Date()): string {
  return `al_${timeRandom(now)}`;
}

/** `msg_<time><random>`: the Standard Webhooks message id (`webhook-id`), fixed when the event is put in the outbox. */
export function newMessageId(now: Date = new Date()): string {
  return `msg_${timeRandom(now)}`;
}

/** `ep_<random>` */
export function newEndpointId(): string {
  return `ep_${randomBytes(8).toString('hex')}`;
}
