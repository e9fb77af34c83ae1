// parseOfacRemarks on remark texts copied from the bundled SDN and consolidated files (ent_num in each test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOfacRemarks, splitRemarks } from './remarks.ts';

test('SDN 32391 DJIBO: DOB year, POB, nationality, gender and weak aliases', () => {
  const facts = parseOfacRemarks(
    "DOB 1984; POB Niger; nationality Niger; Gender Male; a.k.a. 'ILLIASSOU, Djibbo'; a.k.a. 'CHAPORI, Aboubacar'; a.k.a. 'CHAPORI, Petit'; a.k.a. 'TCHAPORI, Petit'; a.k.a. 'CHAPPORI, Petit'; a.k.a. 'CHAFFORI, Petit'.",
  );
  assert.deepEqual(facts.birthDates, ['1984']);
  assert.deepEqual(facts.birthPlaces, ['Niger']);
  assert.deepEqual(facts.countries, [{ code: 'ne', role: 'nationality' }]);
  assert.equal(facts.gender, 'male');
  assert.deepEqual(
    facts.names.map((n) => [n.value, n.kind]),
    [
      ['ILLIASSOU, Djibbo', 'weak'],
      ['CHAPORI, Aboubacar', 'weak'],
      ['CHAPORI, Petit', 'weak'],
      ['TCHAPORI, Petit', 'weak'],
      ['CHAPPORI, Petit', 'weak'],
      ['CHAFFORI, Petit', 'weak'],
    ],
  );
  assert.deepEqual(facts.unparsed, []);
  assert.deepEqual(facts.problems, []);
});

test('SDN 12300 CIFUENTES VILLA: alt. dates and places, identifiers with issuing country', () => {
  const facts = parseOfacRemarks(
    'DOB 13 May 1965; alt. DOB 13 Apr 1968; alt. DOB 07 Jul 1964; POB Medellin, Colombia; alt. POB Marinilla, Antioquia, Colombia; Cedula No. 7548733 (Colombia); alt. Cedula No. 172489729-1 (Ecuador); Passport AL720622 (Colombia); R.F.C. CIVJ650513LJA (Mexico); C.U.R.P. CIVJ650513HNEFLR06 (Mexico); Linked To: BIO FORESTAL S.A.S.; Linked To: DOLPHIN DIVE SCHOOL S.A.',
  );
  assert.deepEqual(facts.birthDates, ['1965-05-13', '1968-04-13', '1964-07-07']);
  assert.deepEqual(facts.birthPlaces, ['Medellin, Colombia', 'Marinilla, Antioquia, Colombia']);
  assert.deepEqual(facts.identifiers, [
    { type: 'national_id', value: '7548733', label: 'Cedula No.', country: 'co' },
    { type: 'national_id', value: '172489729-1', label: 'Cedula No.', country: 'ec' },
    { type: 'passport', value: 'AL720622', label: 'Passport', country: 'co' },
    { type: 'tax', value: 'CIVJ650513LJA', label: 'R.F.C.', country: 'mx' },
    { type: 'national_id', value: 'CIVJ650513HNEFLR06', label: 'C.U.R.P.', country: 'mx' },
  ]);
  // Only the final full stop of the whole text is removed; a name's own "S.A.S." stays whole.
  assert.deepEqual(
    facts.relations.map((r) => r.other),
    [{ name: 'BIO FORESTAL S.A.S.' }, { name: 'DOLPHIN DIVE SCHOOL S.A' }],
  );
  assert.deepEqual(facts.relations[0], {
    kind: 'other',
    role: 'related',
    other: { name: 'BIO FORESTAL S.A.S.' },
    note: 'Linked To: BIO FORESTAL S.A.S.',
  });
});

test('SDN 15036 ARTAVIL (vessel): former flags, IMO, MMSI, weak f.k.a., link', () => {
  const facts = parseOfacRemarks(
    "Former Vessel Flag Malta; alt. Former Vessel Flag Tuvalu; alt. Former Vessel Flag None Identified; alt. Former Vessel Flag Tanzania; Additional Sanctions Information - Subject to Secondary Sanctions; Vessel Registration Identification IMO 9187629; MMSI 572469210; f.k.a. 'ALPHA'; Linked To: NATIONAL IRANIAN TANKER COMPANY.",
  );
  assert.deepEqual(facts.properties.pastFlags, ['mt', 'tv', 'tz']);
  assert.deepEqual(
    facts.identifiers.map((i) => [i.type, i.value]),
    [
      ['imo', '9187629'],
      ['mmsi', '572469210'],
    ],
  );
  assert.deepEqual(facts.names, [{ value: 'ALPHA', kind: 'weak' }]);
  assert.deepEqual(
    facts.relations.map((r) => r.other),
    [{ name: 'NATIONAL IRANIAN TANKER COMPANY' }],
  );
  assert.deepEqual(facts.unparsed, ['Additional Sanctions Information - Subject to Secondary Sanctions']);
  assert.deepEqual(facts.problems, []);
});

test('SDN 28798: Organization Established Date → incorporationDate; registration number with country', () => {
  const facts = parseOfacRemarks(
    'Organization Established Date 17 Dec 2016; Business Registration Number 17951 (Syria).',
  );
  assert.deepEqual(facts.properties.incorporationDate, ['2016-12-17']);
  assert.deepEqual(facts.identifiers, [
    { type: 'registration', value: '17951', label: 'Business Registration Number', country: 'sy' },
  ]);
});

test('consolidated 30946 HIKVISION: listing date, USCC, ISIN, ticker', () => {
  const facts = parseOfacRemarks(
    'Equity Ticker 002415 CN; Issuer Name Hangzhou Hikvision Digital Technology; ISIN CNE100000PM8; Target Type Public Company; Effective Date (CMIC) 02 Aug 2021; Purchase/Sales For Divestment Date (CMIC) 03 Jun 2022; Listing Date (CMIC) 03 Jun 2021; Unified Social Credit Code (USCC) 91330000733796106P (China).',
  );
  assert.deepEqual(facts.listingDates, ['2021-06-03']);
  assert.deepEqual(facts.properties.ticker, ['002415 CN']);
  assert.deepEqual(facts.identifiers, [
    { type: 'other', value: 'CNE100000PM8', label: 'ISIN' },
    { type: 'uscc', value: '91330000733796106P', label: 'Unified Social Credit Code (USCC)', country: 'cn' },
  ]);
});

test('consolidated 17016 (comments overflow): an LEI under "Legal Entity Number", listing date after a colon', () => {
  const facts = parseOfacRemarks(
    'Listing Date (EO 14024 Directive 3): 24 Feb 2022; Effective Date (EO 14024 Directive 3): 26 Mar 2022; Tax ID No. 7744001497 (Russia); Legal Entity Number 253400WSS48YWMBUA688; Registration Number 1027700167110 (Russia).',
  );
  assert.deepEqual(facts.listingDates, ['2022-02-24']);
  assert.deepEqual(
    facts.identifiers.map((i) => [i.type, i.value, i.country]),
    [
      ['tax', '7744001497', 'ru'],
      ['lei', '253400WSS48YWMBUA688', undefined],
      ['registration', '1027700167110', 'ru'],
    ],
  );
});

test('SDN 28263 TIAN Yinyin (remarks + comments overflow): crypto, e-mail, phone, national id, link', () => {
  const facts = parseOfacRemarks(
    "DOB 12 Jul 1986; nationality China; Email Address 417136259@qq.com; Gender Male; Digital Currency Address - XBT 134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak; Phone Number 8613621583465; Identification Number 321284198607120616 (China); a.k.a. 'snowsjohn'; Linked To: LAZARUS GROUP.",
  );
  assert.deepEqual(facts.identifiers, [
    { type: 'crypto', value: '134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak', label: 'Digital Currency Address - XBT' },
    { type: 'national_id', value: '321284198607120616', label: 'Identification Number', country: 'cn' },
  ]);
  assert.deepEqual(facts.properties.email, ['417136259@qq.com']);
  assert.deepEqual(facts.properties.phone, ['8613621583465']);
  assert.equal(facts.relations[0].note, 'Linked To: LAZARUS GROUP');
});

test('OFAC spellings: "(Cabo Verde.  Previously Cape Verde.)", "Palestinian", a city in brackets', () => {
  const facts = parseOfacRemarks(
    'Passport I066302 (Cabo Verde.  Previously Cape Verde.); nationality Palestinian; Matricula Mercantil No 121398 (Manizales).',
  );
  assert.deepEqual(facts.identifiers, [
    { type: 'passport', value: 'I066302', label: 'Passport', country: 'cv' },
    // A Colombian registry prints its city, not a country: no issuing country.
    { type: 'registration', value: '121398', label: 'Matricula Mercantil No' },
  ]);
  assert.deepEqual(facts.countries, [{ code: 'ps', role: 'nationality' }]);
  assert.deepEqual(facts.problems, []);
});

test('SDN 7940: "possibly" nationality is not claimed; ";" without a space still splits', () => {
  const text =
    "DOB 01 Feb 1966; POB Hashmija, Iraq; nationality possibly Palestinian;arrested 23 Apr 2002; a.k.a. 'ABU ALI'.";
  assert.deepEqual(splitRemarks(text), [
    'DOB 01 Feb 1966',
    'POB Hashmija, Iraq',
    'nationality possibly Palestinian',
    'arrested 23 Apr 2002',
    "a.k.a. 'ABU ALI'",
  ]);
  const facts = parseOfacRemarks(text);
  assert.deepEqual(facts.countries, []);
  assert.deepEqual(facts.unparsed, ['nationality possibly Palestinian', 'arrested 23 Apr 2002']);
});

test('a known key with an unreadable value is a problem, not a fact', () => {
  const facts = parseOfacRemarks('DOB sometime in the sixties; nationality Atlantis.');
  assert.deepEqual(facts.birthDates, []);
  assert.deepEqual(facts.countries, []);
  assert.deepEqual(facts.problems, ['DOB sometime in the sixties', 'nationality Atlantis']);
});
