// The Hikvision scenario of issue 8 on the real OFAC files, on SQLite and PostgreSQL: the book fixture plus a namesake
// of a listed person; version 1 of the consolidated list without ent_num 30946 (Hikvision) and of the SDN list without
// 27063 (Zhuhai Zhenrong), then the real files. The monitor must open a name alert for the book's Hikvision party, no
// ownership alert for its 100 % subsidiaries (30946 is listed only under NS-CMIC, E.O. 13959, to which the OFAC 50 %
// rule does not extend — OFAC FAQ 857 — and no other rule in data/rules names that listing), a name alert for Zhuhai
// Zhenrong and an ownership alert for its 60 % subsidiary under the OFAC 50 % rule; the namesake cleared after
// version 1 stays cleared until its data changes materially; removals close alerts with the reason.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { importParties } from '../book/index.ts';
import { listId } from '../domain/ids.ts';
import { importList } from '../ingest/import-list.ts';
import { DIALECTS } from '../../test/support/databases.ts';
import type { AlertRecord, MonitorStore } from '../store/index.ts';
import { AlertService } from './alerts.ts';
import { nameKey, ownershipKey } from './findings.ts';
import { runMonitor } from './run.ts';
import { CONS_DIR, SDN_DIR, importBook, importCons, monitorFixture, ofacSetWithout } from './testing.ts';

const RUN = { date: '2026-01-15', actor: 'local:monitor-test', channel: 'cli' as const };
const HIK = 'us_ofac_cons:30946';
const ZHENRONG = 'us_ofac_sdn:27063';
const HANIYA = 'us_ofac_cons:9639';
/** The same person on the SDN list (grouped by the engine with the consolidated record). */
const HANIYA_SDN = 'us_ofac_sdn:23627';

function partiesFile(rows: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'embargo-parties-')), 'parties.csv');
  writeFileSync(path, ['party_id,name,schema,country,address,id,roles', ...rows].join('\n'));
  return path;
}

async function byKey(monitor: MonitorStore, key: string): Promise<AlertRecord | undefined> {
  return (await monitor.alertsByKeys([key]))[0];
}

for (const dialect of DIALECTS) {
  describe(`monitoring scenario on ${dialect}`, () => {
    test(
      'Hikvision and Zhenrong listed: name and ownership alerts where a rule applies; cleared namesake stays cleared',
      { timeout: 120_000 },
      async () => {
        const f = await monitorFixture(dialect);
        const { deps } = f;
        const alerts = new AlertService({ monitor: deps.monitor, audit: deps.audit });
        try {
          await importCons(deps, ofacSetWithout(CONS_DIR, ['30946']));
          await importList(deps.store, ofacSetWithout(SDN_DIR, ['27063']), {
            listId: listId('us_ofac_sdn'),
            today: '2026-01-15',
          });
          await importBook(deps);
          await importParties(deps.book, partiesFile(['P-2004,Ismail Haniya,Person,DE,Berlin,,customer']));

          // Version 1: the first run screens the whole book; the only findings are the namesake's (on two lists),
          // cleared by an analyst.
          const first = await runMonitor(deps, RUN);
          assert.equal(first.mode, 'full');
          const open1 = await deps.monitor.listAlerts({ present: true });
          assert.deepEqual(open1.map((a) => a.key).sort(), [
            nameKey('P-2004', HANIYA),
            nameKey('P-2004', HANIYA_SDN),
          ]);
          await assert.rejects(
            alerts.decide(open1[0]!.alertId, { action: 'clear', actor: 'local:anna', channel: 'cli' }),
            /needs a reason/,
          );
          for (const a of open1)
            await alerts.decide(a.alertId, {
              action: 'clear',
              reason: 'namesake: a Berlin customer since 2011, not the Hamas leader',
              actor: 'local:anna',
              channel: 'cli',
            });

          // Version 2 (the real files), and a non-material change of the namesake (address only).
          await importCons(deps, CONS_DIR);
          await importList(deps.store, SDN_DIR, { listId: listId('us_ofac_sdn'), today: '2026-01-15' });
          await importParties(
            deps.book,
            partiesFile(['P-2004,Ismail Haniya,Person,DE,"Hamburg, Germany",,customer']),
          );
          const second = await runMonitor(deps, RUN);
          assert.equal(second.mode, 'delta');
          assert.deepEqual(
            second.lists.map((l) => [l.list_id, l.from, l.to, l.added, l.changed, l.removed]),
            [
              ['us_ofac_cons', 1, 2, 1, 0, 0],
              ['us_ofac_sdn', 1, 2, 1, 0, 0],
            ],
          );
          assert.equal(second.book.partiesChanged, 1);
          assert.ok(
            second.partiesScreened < 20,
            `only the affected parties are screened (${second.partiesScreened})`,
          );

          const hik = await byKey(deps.monitor, nameKey('C-1001', HIK));
          assert.equal(hik?.state, 'open');
          assert.equal(
            (hik?.finding as { certainty: string }).certainty,
            'confirmed',
            'the USCC identifier is on the listed record',
          );
          for (const sub of ['C-1002', 'C-1003']) {
            assert.deepEqual(
              (await deps.monitor.alertsOfParties([sub])).map((a) => a.key),
              [],
              `${sub}: no rule extends an NS-CMIC listing to subsidiaries`,
            );
          }
          const zhenrong = await byKey(deps.monitor, nameKey('C-1010', ZHENRONG));
          assert.equal(zhenrong?.state, 'open');
          const sub = await byKey(deps.monitor, ownershipKey('C-1011', 'us_ofac_50'));
          assert.equal(sub?.state, 'open');
          assert.equal(
            (sub?.finding as { status: string }).status,
            'review',
            'a potential (name-only) match of the 60 % owner gives review',
          );
          for (const key of [nameKey('P-2004', HANIYA), nameKey('P-2004', HANIYA_SDN)]) {
            assert.equal(
              (await byKey(deps.monitor, key))?.state,
              'cleared',
              'previously cleared false positive stays cleared',
            );
          }
          assert.equal(second.name.suppressed, 2);

          // Confirming the owner's match makes the subsidiary restricted at the next run.
          await alerts.decide(zhenrong!.alertId, {
            action: 'confirm',
            reason: 'same company: Zhuhai address and trade names match',
            actor: 'local:anna',
            channel: 'cli',
          });
          const third = await runMonitor(deps, RUN);
          assert.equal(third.ownership.refreshed, 1);
          const restricted = await byKey(deps.monitor, ownershipKey('C-1011', 'us_ofac_50'));
          assert.equal((restricted?.finding as { status: string }).status, 'restricted');
          assert.equal((await deps.monitor.events(restricted!.alertId)).at(-1)?.action, 'data_changed');

          // A material change of the namesake (its name) re-opens the cleared alert and says what changed.
          await importParties(
            deps.book,
            partiesFile(['P-2004,Ismail Abdul Salah Haniya,Person,DE,"Hamburg, Germany",,customer']),
          );
          await runMonitor(deps, RUN);
          const reopened = await byKey(deps.monitor, nameKey('P-2004', HANIYA));
          assert.equal(reopened?.state, 'open');
          const last = (await deps.monitor.events(reopened!.alertId)).at(-1)!;
          assert.equal(last.action, 'reopened');
          assert.deepEqual(
            (last.detail as { changes: { field: string }[] }).changes.map((c) => c.field),
            ['party.name'],
          );

          // Zhenrong delisted again: its alerts close with the reason.
          await importList(deps.store, ofacSetWithout(SDN_DIR, ['27063']), {
            listId: listId('us_ofac_sdn'),
            today: '2026-01-15',
          });
          const fifth = await runMonitor(deps, RUN);
          assert.deepEqual([fifth.name.closed, fifth.ownership.closed], [1, 1]);
          const closed = await byKey(deps.monitor, nameKey('C-1010', ZHENRONG));
          assert.equal(closed?.state, 'closed');
          assert.equal(
            (await deps.monitor.events(closed!.alertId)).at(-1)?.reason,
            `${ZHENRONG} was removed from us_ofac_sdn in version 3`,
          );

          // Webhook events and the audit trail recorded every step.
          const types = (await deps.monitor.outbox()).map((m) => m.type);
          assert.deepEqual(types, [], 'no endpoint registered: nothing in the outbox');
          let audited = 0;
          for await (const r of deps.audit.records()) if (r.kind === 'alert') audited++;
          const events = (await deps.monitor.listAlerts({ limit: 1000 }))
            .map((a) => a.revision)
            .reduce((s, n) => s + n, 0);
          assert.equal(audited, events, 'one audit record per alert event');
        } finally {
          await f.close();
        }
      },
    );
  });
}
