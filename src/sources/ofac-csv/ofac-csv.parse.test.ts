// The parse step alone: the quartet joined by ent_num, null markers, remarks overflow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OFAC_CONS_DIR, OFAC_SDN_DIR } from '../../../test/support/list-files.ts';
import { locateOfacFiles } from './ofac-csv.files.ts';
import { parseOfacCsv, type OfacRawRecord } from './ofac-csv.parse.ts';

async function records(dir: string): Promise<OfacRawRecord[]> {
  const out: OfacRawRecord[] = [];
  for await (const e of parseOfacCsv(await locateOfacFiles(dir))) if (e.type === 'record') out.push(e.record);
  return out;
}

test('SDN: 5 records take remarks overflow from sdn_comments.csv; the null marker "-0- " reads as empty', async () => {
  const all = await records(OFAC_SDN_DIR);
  assert.equal(all.length, 8976);
  assert.deepEqual(
    all.filter((r) => r.comments.length > 0).map((r) => r.entNum),
    ['12300', '28263', '28264', '29703', '30518'],
  );
  const aero = all.find((r) => r.entNum === '36');
  assert.ok(aero);
  assert.equal(aero.line, 1);
  assert.equal(aero.primary.type, '');
  assert.equal(aero.primary.remarks, '');
  assert.deepEqual(aero.addresses, [
    { entNum: '36', addNum: '25', address: '', cityStatePostal: 'Havana', country: 'Cuba', remarks: '' },
  ]);
  assert.deepEqual(aero.aliases, [
    { entNum: '36', altNum: '12', type: 'aka', name: 'AERO-CARIBBEAN', remarks: '' },
  ]);
  const tian = all.find((r) => r.entNum === '28263');
  assert.ok(tian?.remarks.endsWith("a.k.a. 'snowsjohn'; Linked To: LAZARUS GROUP."));
});

test('consolidated: 442 records, 574 addresses, 1,073 aliases of 395 records, 10 with overflow', async () => {
  const all = await records(OFAC_CONS_DIR);
  assert.equal(all.length, 442);
  assert.equal(
    all.reduce((n, r) => n + r.addresses.length, 0),
    574,
  );
  assert.equal(
    all.reduce((n, r) => n + r.aliases.length, 0),
    1073,
  );
  assert.equal(all.filter((r) => r.aliases.length > 0).length, 395);
  assert.equal(all.filter((r) => r.comments.length > 0).length, 10);
});
