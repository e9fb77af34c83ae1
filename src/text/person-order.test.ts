import { test } from 'node:test';
import assert from 'node:assert/strict';
import { personNameVariants, prepareName } from './index.ts';
import { sdnRows } from './sdn-names.test-helper.ts';

test('"LAST, First" gives given-names-first and surname-first orders', () => {
  assert.deepEqual(personNameVariants('KIM, Jong Un'), ['Jong Un Kim', 'KIM Jong Un']);
  assert.deepEqual(personNameVariants('AL-ZAWAHIRI, Ayman'), ['Ayman Al-Zawahiri', 'AL-ZAWAHIRI Ayman']);
  assert.deepEqual(personNameVariants('Smith, John'), ['John Smith', 'Smith John']);
});

test('a generation suffix after a second comma stays last', () => {
  assert.deepEqual(personNameVariants('SMITH, John, Jr.'), ['John Smith Jr.', 'SMITH John Jr.']);
});

test('a name without a comma is returned tidied, alone', () => {
  assert.deepEqual(personNameVariants('  Jong Un   Kim '), ['Jong Un Kim']);
  assert.deepEqual(personNameVariants('KIM,'), ['KIM']);
  assert.deepEqual(personNameVariants(''), []);
});

test('every variant of the real SDN individuals prepares to the same token set as the listed name', () => {
  const people = sdnRows().filter((r) => r[2] === 'individual').map((r) => r[1]);
  assert.equal(people.length, 4620);
  const sorted = (s: string): string => [...prepareName(s, 'person').nameTokens].sort().join(' ');
  const differing = people.filter((n) => personNameVariants(n).some((v) => sorted(v) !== sorted(n)));
  assert.deepEqual(differing, []);
  assert.deepEqual(personNameVariants(people.find((n) => n.startsWith('KIM, Jong Un')) as string), ['Jong Un Kim', 'KIM Jong Un']);
});

test('an honorific before the given names moves to the front of every variant', () => {
  assert.deepEqual(personNameVariants('BURHAN, Dr. Sahir'), ['Dr. Sahir Burhan', 'Dr. BURHAN Sahir']);
  assert.deepEqual(personNameVariants('HAMUDAT, General Maki Mustafa'), ['General Maki Mustafa Hamudat', 'General HAMUDAT Maki Mustafa']);
  // A name that is nothing but a title keeps it as the name.
  assert.deepEqual(personNameVariants('SMITH, Lord'), ['Lord Smith', 'SMITH Lord']);
});
