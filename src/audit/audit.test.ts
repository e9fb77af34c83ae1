// The pure audit functions on records of real screenings (names from the OFAC consolidated list): the hash
// covers every field, checkpoints round-trip and refuse other keys, exports quote and parse back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, GENESIS_HASH, chainAfter, checkpointSignedWith, csvHeader, csvRow, formatCheckpoint, jsonLine, parseCheckpoint, recordHash, signHead, toBody, type AuditInput } from './index.ts';

function input(name: string, n: number): AuditInput {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    at: `2026-01-0${n}T12:00:00.000Z`,
    actor: 'key:erp-prod',
    channel: 'api',
    kind: 'screen',
    algorithm: 'embargo-v1',
    threshold: 0.8,
    lists: [{ list_id: 'us_ofac_cons', version: 1 }],
    request: { name, address: 'Road 1, "Block" 2,\nHangzhou' },
    normalised: { name: name.toLowerCase() },
    response: { matches: [{ entity_id: 'us_ofac_cons:30946', listed_name: 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.' }] },
    matchCount: 1,
  };
}

const bodies = [toBody(input('Hikvision', 1)), toBody(input('HUAWEI TECHNOLOGIES CO., LTD.', 2))];

test('records chain from the genesis hash, and every field changes the hash', () => {
  const [a, b] = chainAfter({ seq: 0, hash: GENESIS_HASH }, bodies);
  assert.deepEqual([a!.seq, b!.seq], [1, 2]);
  assert.equal(a!.prevHash, GENESIS_HASH);
  assert.equal(b!.prevHash, a!.hash);
  for (const field of ['id', 'at', 'actor', 'channel', 'kind', 'algorithm', 'threshold', 'lists', 'request', 'normalised', 'response'] as const) {
    assert.notEqual(recordHash(GENESIS_HASH, { ...bodies[0]!, [field]: `${bodies[0]![field]} ` }), a!.hash, field);
  }
  assert.notEqual(recordHash(GENESIS_HASH, { ...bodies[0]!, matchCount: 0 }), a!.hash);
  assert.notEqual(recordHash('1'.repeat(64), bodies[0]!), a!.hash);
});

test('a checkpoint prints, parses back and is bound to its key', () => {
  const head = { seq: 2, hash: chainAfter({ seq: 0, hash: GENESIS_HASH }, bodies)[1]!.hash };
  const token = formatCheckpoint(signHead(head, 'k1'));
  const parsed = parseCheckpoint(token);
  assert.deepEqual({ seq: parsed.seq, hash: parsed.hash }, head);
  assert.equal(checkpointSignedWith(parsed, 'k1'), true);
  assert.equal(checkpointSignedWith(parsed, 'k2'), false);
  assert.equal(checkpointSignedWith({ ...parsed, seq: 3 }, 'k1'), false);
  assert.throws(() => parseCheckpoint('v1.2.abc'), { code: 'usage' });
});

test('CSV rows quote commas, quotes and line breaks and parse back to the stored text; JSON lines parse the JSON fields', () => {
  const records = chainAfter({ seq: 0, hash: GENESIS_HASH }, bodies);
  const rows = parse(csvHeader() + records.map(csvRow).join(''), { columns: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(rows[0]!), [...CSV_COLUMNS]);
  assert.equal(rows[1]!['request'], records[1]!.request);
  assert.equal(rows[1]!['hash'], records[1]!.hash);
  const line = JSON.parse(jsonLine(records[0]!));
  assert.equal(line.request.address, 'Road 1, "Block" 2,\nHangzhou');
  assert.equal(line.threshold, 0.8);
  assert.equal(line.prev_hash, GENESIS_HASH);
});
