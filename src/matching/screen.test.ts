// Screening against the real bundled OFAC SDN, OFAC consolidated and CSL files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIndex, DEFAULT_THRESHOLD, screenQuery, type MatchIndex } from './index.ts';
import { usLists } from './test-lists.ts';

let index: MatchIndex | undefined;
async function us(): Promise<MatchIndex> {
  index ??= buildIndex(await usLists());
  return index;
}

test('Hikvision finds the NS-CMIC record us_ofac_cons:30946, with its CSL copy under alsoOn', async () => {
  const [top] = screenQuery(await us(), { name: 'Hikvision' });
  assert.equal(top.entityId, 'us_ofac_cons:30946');
  assert.equal(top.listedName, 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.');
  assert.equal(top.matchedName, 'HIKVISION');
  assert.deepEqual(
    top.alsoOn.map((a) => [a.listId, a.sourceId]),
    [['us_trade_csl', '30946-CMIC']],
  );
  assert.equal(screenQuery(await us(), { name: 'hik vision' })[0].entityId, 'us_ofac_cons:30946');
});

test('Kim Jong Un finds us_ofac_sdn:20157; an agreeing birth date ranks it higher, a different one drops it', async () => {
  const ix = await us();
  const [plain] = screenQuery(ix, { name: 'Kim Jong Un', schema: 'Person' });
  assert.equal(plain.entityId, 'us_ofac_sdn:20157');
  assert.equal(plain.sourceId, '20157');
  assert.equal(plain.listId, 'us_ofac_sdn');
  const [dated] = screenQuery(ix, { name: 'Kim Jong Un', schema: 'Person', birth_date: '1984-01-08' });
  assert.equal(dated.entityId, 'us_ofac_sdn:20157');
  assert.ok(dated.score > plain.score, `${dated.score} > ${plain.score}`);
  assert.ok(dated.explanation.some((e) => e.feature === 'birth_date' && e.contribution > 0));
  const other = screenQuery(ix, { name: 'Kim Jong Un', schema: 'Person', birth_date: '1950' });
  assert.ok(!other.some((m) => m.entityId === 'us_ofac_sdn:20157'));
});

test('a Person query does not match a vessel; a Vessel query or no schema does', async () => {
  const ix = await us();
  const vessel = (await usLists()).find((e) => e.id === 'us_ofac_sdn:15036');
  assert.equal(vessel?.schema, 'Vessel');
  assert.equal(vessel?.names[0].value, 'ARTAVIL');
  assert.deepEqual(screenQuery(ix, { name: 'ARTAVIL', schema: 'Person' }), []);
  assert.equal(screenQuery(ix, { name: 'ARTAVIL', schema: 'Vessel' })[0]?.entityId, 'us_ofac_sdn:15036');
  assert.equal(screenQuery(ix, { name: 'Artavil' })[0]?.entityId, 'us_ofac_sdn:15036');
});

test('an identical IMO number is decisive whatever the name', async () => {
  const [top] = screenQuery(await us(), { name: 'Totally Different Name', id: ['imo:9187629'] });
  assert.equal(top.entityId, 'us_ofac_sdn:15036');
  assert.ok(top.score >= 0.99);
  assert.ok(top.explanation.some((e) => e.feature === 'identifier' && /decisive/.test(e.reason)));
});

test('every match carries ids, names, score, band, algorithm and a worded explanation', async () => {
  const [m] = screenQuery(await us(), { name: 'MAHAN AIR' });
  assert.equal(m.entityId, 'us_ofac_sdn:12927');
  assert.equal(m.algorithm, 'embargo-v1.1');
  assert.ok(m.score >= DEFAULT_THRESHOLD && m.score <= 1);
  assert.ok(['exact', 'strong', 'probable'].includes(m.band));
  assert.deepEqual(m.explanation.map((e) => e.feature).slice(0, 2), ['name', 'schema']);
  assert.match(m.explanation[0].reason, /mahan=mahan/);
});

test('typos, reordering, joined words and dropped legal forms still find the record', async () => {
  const ix = await us();
  const cases: [string, string, string][] = [
    ['ZHUHAI ZHENRONG CO LTD', 'Organization', 'us_ofac_sdn:27063'],
    ['Zhuhai Zhenrong', 'Organization', 'us_ofac_sdn:27063'],
    ['ZHUHAI ZHENRONGG COMPANY LIMITED', 'Organization', 'us_ofac_sdn:27063'],
    ['Jong Un KIM', 'Person', 'us_ofac_sdn:20157'],
    ['Semiconductor Mfg Intl Corp', 'Company', 'us_ofac_cons:30951'],
    ['Megvii Technology', 'Company', 'us_ofac_cons:33091'],
  ];
  for (const [name, schema, id] of cases) {
    const matches = screenQuery(ix, { name, schema });
    assert.ok(
      matches.some((m) => m.entityId === id || m.alsoOn.some((a) => a.entityId === id)),
      `${name} → ${matches.map((m) => `${m.entityId} ${m.score}`).join(', ') || 'nothing'}`,
    );
  }
});

test('lists and sub-lists narrow the screen; the threshold and limit are honoured', async () => {
  const ix = await us();
  assert.equal(
    screenQuery(ix, { name: 'Hikvision' }, { lists: ['us_trade_csl'] })[0].entityId,
    'us_trade_csl:30946-CMIC',
  );
  assert.equal(
    screenQuery(ix, { name: 'China Telecom Corporation Limited' }, { lists: ['us_trade_csl:CMIC'] }).length,
    1,
  );
  assert.deepEqual(
    screenQuery(ix, { name: 'China Telecom Corporation Limited' }, { lists: ['us_trade_csl:EL'] }),
    [],
  );
  const loose = screenQuery(ix, { name: 'Mohamed Ali', schema: 'Person' }, { threshold: 0.5, limit: 3 });
  assert.equal(loose.length, 3);
  assert.ok(
    screenQuery(ix, { name: 'Mohamed Ali', schema: 'Person' }).every((m) => m.score >= DEFAULT_THRESHOLD),
  );
});

test('bad queries fail with invalid_input naming the field', async () => {
  const ix = await us();
  assert.throws(() => screenQuery(ix, { name: ' ' }), { code: 'invalid_input', where: 'name' });
  assert.throws(() => screenQuery(ix, { name: 'x', schema: 'Sanction' }), {
    code: 'invalid_input',
    where: 'schema',
  });
  assert.throws(() => screenQuery(ix, { name: 'x', birth_date: '8 Jan 1984' }), {
    code: 'invalid_input',
    where: 'birth_date',
  });
  assert.throws(() => screenQuery(ix, { name: 'x', country: 'Korea' }), {
    code: 'invalid_input',
    where: 'country',
  });
});
