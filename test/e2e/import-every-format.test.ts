// Every list format imports its real file with the documented counts, through the import pipeline and the
// store, on SQLite and on PostgreSQL (issue "Core B": "every format above imports with its documented counts").
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { listId } from '../../src/domain/ids.ts';
import { importList } from '../../src/ingest/import-list.ts';
import { DIALECTS, freshStore } from '../support/databases.ts';
import { DATA, FIXTURES } from '../support/list-files.ts';

const TODAY = '2026-11-29';

interface Case {
  path: string;
  format: string;
  listId: string;
  rows: number;
  entities: number;
  /** Some listId override the file needs (user lists). */
  as?: string;
}

// Counts: shared data README and each format's tests (rows read → entities after grouping per party).
const CASES: Case[] = [
  {
    path: join(DATA, 'us_ofac/sdn_csv'),
    format: 'ofac_csv',
    listId: 'us_ofac_sdn',
    rows: 8976,
    entities: 8976,
  },
  {
    path: join(DATA, 'us_ofac/consolidated_csv'),
    format: 'ofac_csv',
    listId: 'us_ofac_cons',
    rows: 442,
    entities: 442,
  },
  {
    path: join(DATA, 'us_trade_csl/csl.csv'),
    format: 'csl_csv',
    listId: 'us_trade_csl',
    rows: 4227,
    entities: 4226,
  },
  {
    path: join(DATA, 'un/UN_consolidated.xml'),
    format: 'un_xml',
    listId: 'un_sc',
    rows: 1003,
    entities: 1003,
  },
  {
    path: join(DATA, 'uk/UK_Sanctions_List.xlsx'),
    format: 'uk_ofsi_xlsx',
    listId: 'gb_hmt_ofsi',
    rows: 18796,
    entities: 4686,
  },
  { path: join(DATA, 'us_bis/dpl.txt'), format: 'bis_dpl', listId: 'us_bis_dpl', rows: 665, entities: 569 },
  {
    path: join(DATA, 'us_state/isn.csv'),
    format: 'state_isn',
    listId: 'us_state_isn',
    rows: 213,
    entities: 177,
  },
  {
    path: join(DATA, 'us_state/itar_debarred_party_list_11062019.csv'),
    format: 'state_itar',
    listId: 'us_state_itar',
    rows: 707,
    entities: 703,
  },
  {
    path: join(FIXTURES, 'us_ofac/cons_advanced.xml'),
    format: 'ofac_advanced_xml',
    listId: 'us_ofac_cons',
    rows: 375,
    entities: 375,
  },
  {
    path: join(FIXTURES, 'us_ofac/xml_samples/sdn.xml'),
    format: 'ofac_xml',
    listId: 'us_ofac_sdn',
    rows: 4,
    entities: 4,
  },
  {
    path: join(FIXTURES, 'us_bis/mieu.csv'),
    format: 'bis_mieu',
    listId: 'us_bis_mieu',
    rows: 13,
    entities: 13,
  },
  {
    path: join(FIXTURES, 'eu/journal_sanctions'),
    format: 'eu_journal_csv',
    listId: 'eu_journal',
    rows: 5497,
    entities: 5497,
  },
  { path: join(FIXTURES, 'eu/fsf-sample.xml'), format: 'eu_fsf_xml', listId: 'eu_fsf', rows: 5, entities: 5 },
  {
    path: join(FIXTURES, 'uk/fcdo-sample.csv'),
    format: 'uk_fcdo_csv',
    listId: 'gb_fcdo_sanctions',
    rows: 17,
    entities: 5,
  },
  {
    path: join(FIXTURES, 'cn/sanctions.csv'),
    format: 'cn_sanctions_csv',
    listId: 'cn_gov_sanctions',
    rows: 610,
    entities: 457,
  },
  {
    path: join(FIXTURES, 'us_dod_1260h/sanctions.csv'),
    format: 'dod_1260h_csv',
    listId: 'us_dod_1260h',
    rows: 397,
    entities: 227,
  },
  {
    path: join(FIXTURES, 'us_fcc_covered_list/table.csv'),
    format: 'fcc_covered_csv',
    listId: 'us_fcc_covered',
    rows: 16,
    entities: 17,
  },
  {
    path: join(FIXTURES, 'us_special_legislation/section_889.csv'),
    format: 'os_statutory_csv',
    listId: 'us_ndaa_889',
    rows: 5,
    entities: 5,
  },
  {
    path: join(FIXTURES, 'us_special_legislation/section_1286.csv'),
    format: 'os_statutory_csv',
    listId: 'us_ndaa_1286',
    rows: 443,
    entities: 190,
  },
  {
    path: join(FIXTURES, 'us_special_legislation/inksna.csv'),
    format: 'os_statutory_csv',
    listId: 'us_state_inksna',
    rows: 28,
    entities: 28,
  },
  {
    path: join(FIXTURES, 'senzing/us_congress_senzing.json'),
    format: 'senzing_jsonl',
    listId: 'us_os_congress',
    rows: 1319,
    entities: 1319,
  },
  {
    path: join(FIXTURES, 'ftm/dataset/zala/entities.ftm.json'),
    format: 'ftm_jsonl',
    listId: 'ftm_zala',
    rows: 91,
    entities: 91,
  },
  { path: join(FIXTURES, 'ftm/dataset/t2'), format: 'ftm_delta', listId: 'ftm_t2', rows: 6, entities: 3 },
  {
    path: join(FIXTURES, 'internal/internal-list.csv'),
    format: 'internal_csv',
    listId: 'xx_acme_internal',
    rows: 7,
    entities: 7,
    as: 'xx_acme_internal',
  },
];

for (const dialect of DIALECTS) {
  describe(`every format imports with its documented counts (${dialect})`, () => {
    test('each file: detected format, list id, rows read, entities stored; a second import creates no version', async () => {
      const { store, cleanup } = await freshStore(dialect);
      try {
        for (const c of CASES) {
          const options = {
            today: TODAY,
            allowMassRemoval: true,
            ...(c.as === undefined ? {} : { listId: listId(c.as) }),
          };
          const report = await importList(store, c.path, options);
          assert.deepEqual(
            [report.format, report.listId, report.rowsRead, report.entitiesStored],
            [c.format, c.listId, c.rows, c.entities],
            c.path,
          );
          let stored = 0;
          for await (const _ of store.entitiesAt(report.listId, report.version)) stored++;
          assert.equal(stored, c.entities, `${c.path}: stored entities`);
        }
        const again = await importList(store, CASES[1]!.path, { today: TODAY });
        assert.equal(
          again.created,
          true,
          'us_ofac_cons was replaced by the advanced XML, so the CSV set is new again',
        );
        const same = await importList(store, CASES[1]!.path, { today: TODAY });
        assert.equal(same.created, false);
      } finally {
        await cleanup();
      }
    });
  });
}
