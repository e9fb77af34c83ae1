// Unit tests of the secondary-evidence comparators: each returns a contribution and a reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityId, ListId, SourceId } from '../../domain/ids.ts';
import type { EntityCard } from '../types.ts';
import { BIRTH_DATE, compareBirthDate } from './birth-date.ts';
import { COUNTRY, compareCountry } from './country.ts';
import { GENDER_CONFLICT, compareGender } from './gender.ts';
import { compareIdentifiers, DECISIVE_SCORE } from './identifier.ts';
import { compatibleMask, schemaReason } from './schema.ts';
import { SCHEMA_BIT } from '../prepare.ts';

test('birth date: full agreement beats year agreement; a year apart is neutral; further apart conflicts', () => {
  assert.equal(compareBirthDate(undefined, ['1984-01-08']), undefined);
  assert.equal(compareBirthDate('1984', []), undefined);
  assert.equal(compareBirthDate('1984-01-08', ['1980', '1984-01-08'])?.contribution, BIRTH_DATE.full);
  assert.equal(compareBirthDate('1984', ['1984-01-08'])?.contribution, BIRTH_DATE.year);
  assert.equal(compareBirthDate('1984-03-02', ['1984-01-08'])?.contribution, BIRTH_DATE.near);
  assert.equal(compareBirthDate('1985-06-01', ['1984'])?.contribution, BIRTH_DATE.near);
  const conflict = compareBirthDate('1990-06-25', ['1955', '1956']);
  assert.equal(conflict?.contribution, BIRTH_DATE.conflict);
  assert.match(conflict?.reason ?? '', /differs by more than a year/);
});

test('country: one of the listed countries agrees, none of them disagrees, any case', () => {
  assert.equal(compareCountry('KP', ['kp', 'cn'])?.contribution, COUNTRY.agree);
  assert.equal(compareCountry('de', ['kp'])?.contribution, COUNTRY.disagree);
  assert.equal(compareCountry('de', []), undefined);
});

test('gender: only a contradiction counts', () => {
  assert.equal(compareGender('male', 'male')?.contribution, 0);
  assert.equal(compareGender('female', 'male')?.contribution, GENDER_CONFLICT);
  assert.equal(compareGender(undefined, 'male'), undefined);
});

const card: EntityCard = {
  id: 'us_ofac_sdn:9999' as EntityId,
  listId: 'us_ofac_sdn' as ListId,
  sourceId: '9999' as SourceId,
  schema: 'Vessel',
  caption: 'TEST VESSEL',
  names: ['TEST VESSEL'],
  nameKinds: ['primary'],
  birthDates: [],
  countries: [],
  identifiers: [{ type: 'imo', value: 'IMO 9187629', key: 'IMO9187629' }],
  programs: [],
};

test('identifier: an identical value is decisive whatever its punctuation; types must agree unless one is other', () => {
  const hit = compareIdentifiers([{ type: 'imo', key: 'IMO9187629', raw: 'imo:IMO-9187629' }], card);
  assert.equal(hit?.contribution, DECISIVE_SCORE);
  assert.match(hit?.reason ?? '', /decisive/);
  assert.ok(compareIdentifiers([{ type: 'other', key: 'IMO9187629', raw: 'IMO9187629' }], card));
  assert.equal(
    compareIdentifiers([{ type: 'passport', key: 'IMO9187629', raw: 'passport:IMO9187629' }], card),
    undefined,
  );
  assert.equal(compareIdentifiers([{ type: 'imo', key: 'IMO9187628', raw: 'imo:9187628' }], card), undefined);
});

test('schema: a person never meets a vessel; Company ~ Organization ~ LegalEntity', () => {
  const person = compatibleMask('Person');
  assert.equal(person & SCHEMA_BIT.vessel, 0);
  assert.equal(person & SCHEMA_BIT.organization, 0);
  assert.notEqual(person & SCHEMA_BIT.legal, 0);
  assert.notEqual(compatibleMask('Company') & SCHEMA_BIT.organization, 0);
  assert.notEqual(compatibleMask('LegalEntity') & SCHEMA_BIT.person, 0);
  assert.equal(compatibleMask('Vessel'), SCHEMA_BIT.vessel);
  assert.throws(() => compatibleMask('Sanction'), /cannot be screened/);
  assert.match(schemaReason('Company', 'Organization'), /Company query may match a listed Organization/);
});
