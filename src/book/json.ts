// The book's answers as the CLI (--json) and the API send them: keys in snake_case like every other Embargo answer
// (`list_id`, `matched_name`), whatever the casing inside the engine. Map keys that are data (rule ids, party ids)
// are snake_case or ids already and pass through unchanged.
const UPPER = /[A-Z]/g;

function snake(key: string): string {
  return key.replace(UPPER, (c) => `_${c.toLowerCase()}`);
}

/** A deep copy of a JSON-able value with object keys in snake_case. */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[snake(k)] = snakeKeys(v);
  return out;
}
