// On the bundled GLEIF golden-copy sample (test/fixtures/ownership/gleif/rr-data.xml: 10 RelationshipRecords,
// IS_FUND-MANAGED_BY 5, IS_SUBFUND_OF 3, IS_DIRECTLY_CONSOLIDATED_BY 1, IS_ULTIMATELY_CONSOLIDATED_BY 1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { partyNode, type RelationEdge } from '../../graph/types.ts';
import type { ImportWarning } from '../types.ts';
import { gleifRrFormat, readGleifRr } from './gleif-rr.ts';
import type { RelationReadOptions } from './types.ts';

const RR = 'test/fixtures/ownership/gleif/rr-data.xml';

async function readAll(path: string, options: RelationReadOptions = {}) {
  const out = { edges: [] as (RelationEdge & { line: number })[], warnings: [] as ImportWarning[], rows: -1 };
  for await (const e of readGleifRr(path, options)) {
    if (e.type === 'edge') out.edges.push({ ...e.edge, line: e.line });
    else if (e.type === 'warning') out.warnings.push(e.warning);
    else out.rows = e.rowsRead;
  }
  return out;
}

test('GLEIF RR: ten records, consolidation as control (no share), fund relations as other', async () => {
  const { edges, warnings, rows } = await readAll(RR);
  assert.equal(rows, 10);
  assert.deepEqual(warnings, []);
  const count = (note: RegExp) => edges.filter((e) => note.test(e.note ?? '')).length;
  assert.equal(count(/^IS_FUND-MANAGED_BY/), 5);
  assert.equal(count(/^IS_SUBFUND_OF/), 3);
  assert.equal(count(/CONSOLIDATED_BY/), 2);
  assert.ok(edges.filter((e) => /CONSOLIDATED_BY/.test(e.note ?? '')).every((e) => e.kind === 'control'));
  assert.ok(edges.filter((e) => /FUND/.test(e.note ?? '')).every((e) => e.kind === 'other'));
  assert.ok(
    edges.every((e) => e.share[0] === 0 && e.share[1] === 1),
    'GLEIF relationships carry no equity share',
  );
});

test('GLEIF RR: StartNode IS_… EndNode puts the EndNode (parent, manager, umbrella) as owner; period and dates kept', async () => {
  const { edges } = await readAll(RR);
  const first = edges[0]!;
  assert.equal(first.line, 8);
  assert.equal(first.owner, 'party:lei:5493001Z012YSB2A0K51');
  assert.equal(first.owned, 'party:lei:001GPB6A9XPE8XJICC14');
  assert.equal(first.validFrom, '2012-11-29');
  assert.equal(first.asOf, '2023-05-18');
  const direct = edges.find((e) => e.note?.startsWith('IS_DIRECTLY_CONSOLIDATED_BY'))!;
  assert.deepEqual(
    [direct.owner, direct.owned],
    ['party:lei:ZZG38T0MDR3QY1ETUA76', 'party:lei:010CMKZ3VON21WF2ZD45'],
  );
  assert.equal(direct.note, 'IS_DIRECTLY_CONSOLIDATED_BY (registration LAPSED)');
  assert.equal(direct.validFrom, '2018-02-06', 'the RELATIONSHIP_PERIOD, not the ACCOUNTING_PERIOD');
});

test('GLEIF RR: a caller maps LEIs onto its own party ids', async () => {
  const { edges } = await readAll(RR, { partyRef: (ns, id) => partyNode(`${ns.toUpperCase()}-${id}`) });
  assert.equal(edges[0]!.owner, 'party:LEI-5493001Z012YSB2A0K51');
});

test('GLEIF RR: a truncated file is unusable; an unknown relationship type is a bad record', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-gleif-'));
  const text = readFileSync(RR, 'utf8');
  const truncated = join(dir, 'truncated.xml');
  writeFileSync(truncated, text.slice(0, 5000));
  await assert.rejects(
    readAll(truncated),
    (e: unknown) => e instanceof AppError && e.code === 'unusable_file',
  );
  const odd = join(dir, 'odd.xml');
  writeFileSync(
    odd,
    text.replace('<rr:RelationshipType>IS_SUBFUND_OF', '<rr:RelationshipType>IS_INTERNATIONAL_BRANCH_OF'),
  );
  const { edges, warnings } = await readAll(odd);
  assert.equal(edges.length, 9);
  assert.equal(warnings.length, 1);
  assert.deepEqual([warnings[0]!.line, warnings[0]!.severity], [41, 'bad_record']);
  assert.match(warnings[0]!.reason, /IS_INTERNATIONAL_BRANCH_OF/);
});

test('GLEIF RR detection', () => {
  const head = readFileSync(RR, 'utf8').slice(0, 4096);
  assert.equal(
    gleifRrFormat.detect({ path: RR, isDirectory: false, fileNames: ['rr-data.xml'], head }),
    true,
  );
  const lei = readFileSync('test/fixtures/ownership/gleif/lei-data.xml', 'utf8').slice(0, 4096);
  assert.equal(
    gleifRrFormat.detect({
      path: 'lei-data.xml',
      isDirectory: false,
      fileNames: ['lei-data.xml'],
      head: lei,
    }),
    false,
  );
});
