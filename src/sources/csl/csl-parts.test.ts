// Unit checks of the CSL field readers, on values copied from data/us_trade_csl/csl.csv.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvId } from './csl-csv.parse.ts';
import { cslDate } from './csl-dates.ts';
import { idRule } from './csl-ids.ts';
import { parseCslName } from './csl-names.ts';
import { cslSubList } from './csl-sources.ts';
import { citations } from '../common/fr-citations.ts';

test('every source name in csl.csv maps to its sub-list code', () => {
  const sources: [string, string][] = [
    ['Entity List (EL) - Bureau of Industry and Security', 'EL'],
    ['Military End User (MEU) List - Bureau of Industry and Security', 'MEU'],
    ['Unverified List (UVL) - Bureau of Industry and Security', 'UVL'],
    ['Denied Persons List (DPL) - Bureau of Industry and Security', 'DPL'],
    ['Nonproliferation Sanctions (ISN) - State Department', 'ISN'],
    ['ITAR Debarred (DTC) - State Department', 'DTC'],
    ['Specially Designated Nationals (SDN) - Treasury Department', 'SDN'],
    ['Sectoral Sanctions Identifications List (SSI) - Treasury Department', 'SSI'],
    ['Foreign Sanctions Evaders (FSE) - Treasury Department', 'FSE'],
    ['Palestinian Legislative Council List (PLC) - Treasury Department', 'PLC'],
    ['Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department', 'CMIC'],
    ['Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department', 'MBS'],
    ['Capta List (CAP) - Treasury Department', 'CAP'],
  ];
  for (const [source, code] of sources) assert.equal(cslSubList(source), code, source);
  assert.equal(cslSubList('NS-CMIC'), 'CMIC');
  assert.equal(cslSubList('Some Other List (XYZ)'), undefined);
});

test('ids: type, number (which may contain commas), country, trailing issue date', () => {
  assert.deepEqual(csvId('Unified Social Credit Code (USCC), 9111000071093019X7, CN'), {
    type: 'Unified Social Credit Code (USCC)',
    number: '9111000071093019X7',
    country: 'CN',
  });
  assert.deepEqual(csvId('Identification Number, AO 2879097, IT, 30 Oct 2012'), {
    type: 'Identification Number',
    number: 'AO 2879097',
    country: 'IT',
  });
  assert.deepEqual(
    csvId('Secondary sanctions risk:, North Korea Sanctions Regulations, sections 510.201 and 510.210'),
    {
      type: 'Secondary sanctions risk:',
      number: 'North Korea Sanctions Regulations, sections 510.201 and 510.210',
    },
  );
});

test('id types: identifiers, facts and statements', () => {
  assert.deepEqual(idRule('Unified Social Credit Code (USCC)'), { kind: 'identifier', type: 'uscc' });
  assert.deepEqual(idRule('Vessel Registration Identification'), { kind: 'identifier', type: 'imo' });
  assert.deepEqual(idRule('Cedula No.'), { kind: 'identifier', type: 'national_id' });
  assert.deepEqual(idRule('R.F.C.'), { kind: 'identifier', type: 'tax' });
  assert.deepEqual(idRule('Legal Entity Number'), { kind: 'identifier', type: 'lei' });
  assert.deepEqual(idRule('Business Registration Document #'), { kind: 'identifier', type: 'registration' });
  assert.deepEqual(idRule('Executive Order 13662 Directive Determination -'), { kind: 'note' });
  assert.deepEqual(idRule('Nationality of Registration'), { kind: 'country', role: 'jurisdiction' });
  assert.deepEqual(idRule('Kenyan ID No.'), { kind: 'identifier', type: 'national_id' });
  assert.deepEqual(idRule('Serial No.'), { kind: 'identifier', type: 'other' });
});

test('dates of birth in the forms csl.csv uses', () => {
  assert.equal(cslDate('1968-02-11'), '1968-02-11');
  assert.equal(cslDate('1955'), '1955');
  assert.equal(cslDate('circa 1961'), '1961');
  assert.equal(cslDate('Sep 1970'), '1970-09');
  assert.equal(cslDate('circa 01 Jul 1960'), '1960-07-01');
  assert.equal(cslDate('unknown'), undefined);
});

test('Federal Register citations split however the column joins them', () => {
  assert.deepEqual(citations('66 FR 24266; 81 FR 64694'), ['66 FR 24266', '81 FR 64694']);
  assert.deepEqual(citations('67 F.R. 56530 9/4/02 67 F.R. 10890 3/11/02'), [
    '67 F.R. 56530 9/4/02',
    '67 F.R. 10890 3/11/02',
  ]);
  assert.deepEqual(citations('Vol. 88, No. 151, 08/08/2023'), ['Vol. 88, No. 151, 08/08/2023']);
  assert.deepEqual(citations(''), []);
});

test('names: parent organisation, inline a.k.a., State scope clauses', () => {
  assert.deepEqual(
    parseCslName(
      'Chitron Electronics Company Ltd., a.k.a. Chi-Chung Electronics Company Ltd. (Chitron-Shenzhen)',
    ),
    {
      primary: 'Chitron Electronics Company Ltd.',
      aliases: [{ value: 'Chi-Chung Electronics Company Ltd. (Chitron-Shenzhen)', kind: 'aka' }],
      rewritten: true,
    },
  );
  assert.deepEqual(parseCslName('PEARL (A.K.A. NEI-CHIEN CHU) LI'), {
    primary: 'PEARL LI',
    aliases: [{ value: 'NEI-CHIEN CHU', kind: 'aka' }],
    rewritten: true,
  });
  assert.equal(
    parseCslName('Poly Technologies Incorporated (PTI), and its sub-units and successors').primary,
    'Poly Technologies Incorporated (PTI)',
  );
  assert.deepEqual(parseCslName('Chinese Academy of Engineering Physics '), {
    primary: 'Chinese Academy of Engineering Physics',
    aliases: [],
    rewritten: false,
  });
});
