// Registering webhook endpoints: an http(s) URL, the event types it wants (none = all), and a new signing secret
// that is shown once, when the endpoint is added.
import { AppError } from '../../domain/errors.ts';
import type { MonitorStore, WebhookEndpoint } from '../../store/index.ts';
import { newEndpointId } from '../ids.ts';
import { WEBHOOK_EVENT_TYPES } from './events.ts';
import { newSecret } from './sign.ts';

export interface NewEndpoint {
  url: string;
  events?: readonly string[];
  description?: string;
}

const MAX_URL = 2000;

function checkUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError('invalid_input', `"${text.slice(0, 100)}" is not a URL`, {
      where: 'url',
      hint: 'give an absolute http:// or https:// URL',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new AppError('invalid_input', `webhook URLs use http or https, not ${url.protocol}`, {
      where: 'url',
    });
  if (url.username !== '' || url.password !== '')
    throw new AppError('invalid_input', 'a webhook URL must not carry a user name or password', {
      where: 'url',
      hint: 'events are signed; verify the signature instead',
    });
  if (text.length > MAX_URL)
    throw new AppError('invalid_input', `the URL is longer than ${MAX_URL} characters`, { where: 'url' });
  return url.toString();
}

function checkEvents(events: readonly string[]): string[] {
  const unknown = events.filter((e) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(e));
  if (unknown.length > 0)
    throw new AppError('invalid_input', `unknown event type ${unknown.join(', ')}`, {
      where: 'events',
      hint: `event types: ${WEBHOOK_EVENT_TYPES.join(', ')}`,
    });
  return [...new Set(events)];
}

/** Adds an endpoint; the returned record holds the secret (the only time it is shown). */
export async function addEndpoint(
  store: MonitorStore,
  input: NewEndpoint,
  now: Date = new Date(),
): Promise<WebhookEndpoint> {
  const endpoint: WebhookEndpoint = {
    endpointId: newEndpointId(),
    url: checkUrl(input.url.trim()),
    secret: newSecret(),
    events: checkEvents(input.events ?? []),
    description: (input.description ?? '').slice(0, 500),
    createdAt: now.toISOString(),
    disabledAt: null,
  };
  await store.addEndpoint(endpoint);
  return endpoint;
}

/** An endpoint without its secret, in the API's snake_case. */
export function endpointOut(e: WebhookEndpoint): Record<string, unknown> {
  return {
    endpoint_id: e.endpointId,
    url: e.url,
    events: e.events,
    description: e.description,
    created_at: e.createdAt,
    disabled_at: e.disabledAt,
  };
}
