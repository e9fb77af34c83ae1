// Continuous monitoring through the real CLI on SQLite and PostgreSQL, on the real OFAC files and the book fixture:
// version 1 of the consolidated list without Hikvision (30946) and of the SDN list without Zhuhai Zhenrong (27063),
// a namesake cleared under four-eyes, a webhook endpoint on 127.0.0.1; then the real files are imported and the
// monitor runs by itself: alerts for Hikvision and Zhenrong and Zhenrong's 60 % subsidiary (no rule extends an NS-CMIC
// listing to Hikvision's subsidiaries), the namesake stays cleared, signed webhooks arrive, the audit log holds
// every alert step.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { verify } from '../../monitor/index.ts';
import { BOOK_PARTIES, BOOK_RELATIONS, CONS_DIR, SDN_DIR, ofacSetWithout } from '../../monitor/testing.ts';
import { freePort, Receiver } from '../../monitor/webhooks/test-receiver.ts';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const run = promisify(execFile);

/** Runs the CLI without blocking this process (the webhook receiver lives here). */
async function cli(
  db: string,
  ...args: string[]
): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [MAIN, '--db', db, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { status: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return {
      status: typeof e.code === 'number' ? e.code : -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    };
  }
}

interface AlertJson {
  alert_id: string;
  kind: string;
  state: string;
  party_id: string;
  entity_id: string | null;
  rule_id: string | null;
}

for (const dialect of DIALECTS) {
  describe(`embargo monitor / alerts / webhooks (${dialect})`, () => {
    test('the Hikvision scenario end to end', { timeout: 300_000 }, async () => {
      const db = await createTestDatabase(dialect);
      const receiver = new Receiver(await freePort());
      await receiver.start();
      const e = (...args: string[]) => cli(db.location, ...args);
      const json = async <T>(...args: string[]): Promise<T> => {
        const r = await e('--json', ...args);
        assert.equal(r.status, 0, r.stderr);
        return JSON.parse(r.stdout) as T;
      };
      try {
        const v1 = await e('import', ofacSetWithout(CONS_DIR, ['30946']), '--list', 'us_ofac_cons');
        assert.equal(v1.status, 0, v1.stderr);
        assert.match(v1.stdout, /monitor \(full\): us_ofac_cons v-→v1 \(\+441 ~0 −0\)/);
        assert.equal(
          (await e('import', ofacSetWithout(SDN_DIR, ['27063']), '--list', 'us_ofac_sdn')).status,
          0,
        );
        const namesake = join(mkdtempSync(join(tmpdir(), 'embargo-cli-monitor-')), 'namesake.csv');
        writeFileSync(
          namesake,
          'party_id,name,schema,country,address,id,roles\nP-2004,Ismail Haniya,Person,DE,Berlin,,customer\n',
        );
        for (const file of [BOOK_PARTIES, namesake])
          assert.equal((await e('parties', 'import', file)).status, 0);
        assert.equal((await e('relations', 'import', BOOK_RELATIONS)).status, 0);

        const first = await e('monitor', '--date', '2026-01-15');
        assert.equal(first.status, 0, first.stderr);
        assert.match(first.stdout, /name alerts: 2 opened/);
        assert.match(
          (await e('alerts', 'policy', '--four-eyes', 'clear')).stdout,
          /four-eyes: clear need a second user's approval/,
        );
        const open = await json<AlertJson[]>('alerts', 'list');
        assert.deepEqual(
          open.map((a) => a.party_id),
          ['P-2004', 'P-2004'],
        );
        for (const a of open) {
          const requested = await e(
            'alerts',
            'decide',
            a.alert_id,
            'clear',
            '--reason',
            'namesake: Berlin customer since 2011',
            '--user',
            'anna',
          );
          assert.match(requested.stdout, /clear_requested, open → in_review — waiting for a second user/);
          const self = await e('alerts', 'decide', a.alert_id, 'approve', '--user', 'anna');
          assert.equal(self.status, 1);
          assert.match(self.stderr, /a second user must approve it/);
          assert.match(
            (await e('alerts', 'decide', a.alert_id, 'approve', '--user', 'ben')).stdout,
            /approved, in_review → cleared/,
          );
        }
        const added = await e('webhooks', 'add', receiver.url);
        const secret = /signing secret \(shown once; verify webhook-signature with it\): (whsec_\S+)/.exec(
          added.stdout,
        )?.[1];
        assert.ok(secret !== undefined, added.stdout);

        // The real files: the monitor runs after each import and delivers what it raised.
        const cons = await e('import', CONS_DIR, '--list', 'us_ofac_cons');
        assert.equal(cons.status, 0, cons.stderr);
        assert.match(cons.stdout, /monitor \(delta\): us_ofac_cons v1→v2 \(\+1 ~0 −0\)/);
        assert.match(cons.stdout, /name alerts: 1 opened/);
        const sdn = await e('import', SDN_DIR, '--list', 'us_ofac_sdn');
        assert.match(
          sdn.stdout,
          /name alerts: 1 opened, 0 re-opened, 0 closed, 0 kept cleared; ownership alerts: 1 opened/,
        );
        assert.match(sdn.stdout, /webhooks: \d+ delivered, 0 to retry/);

        const alerts = await json<AlertJson[]>('alerts', 'list');
        assert.deepEqual(alerts.map((a) => `${a.party_id} ${a.entity_id ?? a.rule_id}`).sort(), [
          'C-1001 us_ofac_cons:30946',
          'C-1010 us_ofac_sdn:27063',
          'C-1011 us_ofac_50',
        ]);
        assert.deepEqual(await json<AlertJson[]>('alerts', 'list', '--party', 'C-1002', '--all'), []);
        assert.deepEqual(
          (await json<AlertJson[]>('alerts', 'list', '--state', 'cleared')).map((a) => a.party_id),
          ['P-2004', 'P-2004'],
        );
        const shown = await e('alerts', 'show', alerts.find((a) => a.party_id === 'C-1001')!.alert_id);
        assert.match(
          shown.stdout,
          /HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO\., LTD\. \(us_ofac_cons\) score 0\.\d\d, confirmed/,
        );
        assert.match(shown.stdout, /opened {2}- → open {2}by local:/);

        // Webhooks: every request verifies; the list versions and the three new alerts were announced.
        assert.ok(receiver.received.length > 0);
        for (const r of receiver.received) assert.equal(verify(secret, r, r.body, Number(r.timestamp)), true);
        const types = receiver.accepted().map((x) => x.type);
        assert.deepEqual(
          [
            types.filter((t) => t === 'list.version_imported').length,
            types.filter((t) => t === 'alert.opened').length,
          ],
          [2, 3],
        );

        // The audit log holds one record per alert step (2 opened, 2 × request + approve, 3 opened).
        const audit = (await e('audit', 'export', '--format', 'jsonl')).stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { kind: string });
        assert.equal(audit.filter((r) => r.kind === 'alert').length, 2 + 4 + 3);

        const every = await e('update', '--every', '5s');
        assert.equal(every.status, 2);
        assert.match(every.stderr, /--every 5s is shorter than 60 s/);
      } finally {
        await receiver.stop();
        await db.drop();
      }
    });
  });
}
