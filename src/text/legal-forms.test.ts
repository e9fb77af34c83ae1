// Data-driven: every legal-form alias of org_types.yml, alone and inside "Acme <alias>", becomes
// its type's canonical token. Aliases that normalise to the same tokens as an alias of an
// earlier type with another canonical form (a clash) take the earlier type's form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareName } from './index.ts';
import { aliasTokens, canonicalLegalForm } from './legal-forms.ts';
import { loadOrgTypes } from './resources.ts';

interface AliasCase {
  alias: string;
  canonical: string;
  /** The form every alias with these tokens gets: the first type's in file order. */
  winner: string;
}

function aliasCases(): { cases: AliasCase[]; empty: string[] } {
  const winnerOf = new Map<string, string>();
  const cases: AliasCase[] = [];
  const empty: string[] = [];
  for (const type of loadOrgTypes()) {
    const canonical = canonicalLegalForm(type);
    for (const alias of type.aliases) {
      const key = aliasTokens(alias).join(' ');
      if (key === '') {
        empty.push(alias);
        continue;
      }
      if (!winnerOf.has(key)) winnerOf.set(key, canonical);
      cases.push({ alias, canonical, winner: winnerOf.get(key) as string });
    }
  }
  return { cases, empty };
}

test('org_types.yml holds the 466 types and 1,896 aliases the data README states', () => {
  const types = loadOrgTypes();
  assert.equal(types.length, 466);
  assert.equal(types.reduce((n, t) => n + t.aliases.length, 0), 1896);
});

test('every legal-form alias on its own yields its canonical form', () => {
  const { cases, empty } = aliasCases();
  assert.deepEqual(empty, [], 'no alias may normalise to nothing');
  const wrong = cases.filter(({ alias, winner }) => {
    const p = prepareName(alias, 'organization');
    return p.tokens.join(' ') !== winner || p.legalForms.join(' ') !== winner;
  });
  assert.deepEqual(wrong.map((c) => `${c.alias} → ${prepareName(c.alias, 'organization').tokens.join(' ')} (want ${c.winner})`), []);
});

test('every legal-form alias after a name ("Acme <alias>") yields acme + its canonical form', () => {
  const wrong = aliasCases().cases.filter(({ alias, winner }) => {
    const p = prepareName(`Acme ${alias}`, 'organization');
    return p.tokens.join(' ') !== `acme ${winner}` || p.nameTokens.join(' ') !== 'acme';
  });
  assert.deepEqual(wrong.map((c) => `Acme ${c.alias} → ${prepareName(`Acme ${c.alias}`, 'organization').tokens.join(' ')}`), []);
});

test('the 7 clashing aliases resolve to the first type in file order', () => {
  const clashes = aliasCases().cases.filter((c) => c.canonical !== c.winner);
  // "N.A." is listed as a US national association (generic FIN) and as its own type (NA).
  assert.equal(clashes.length, 7);
  assert.deepEqual(prepareName('Acme N.A.', 'organization').legalForms, ['fin']);
  assert.deepEqual(prepareName('Acme S.G.R.', 'organization').legalForms, ['sgr']);
});

test('legal forms meet across languages and scripts', () => {
  const llc = ['Acme Ltd', 'Acme Limited', 'Acme LLC', 'Acme GmbH', 'ООО Акме', 'OOO Acme', 'Acme 有限公司', 'Acme Co., Ltd.'];
  for (const name of llc) assert.deepEqual(prepareName(name, 'organization').legalForms, ['llc'], name);
  for (const name of ['Acme AG', 'Acme Aktiengesellschaft', 'Acme 股份有限公司', 'Acme PLC', 'Acme S.A.']) {
    assert.deepEqual(prepareName(name, 'organization').legalForms, ['jsc'], name);
  }
});

test('short forms count only at the edges of a name: "As-Sahab" keeps its Arabic article', () => {
  assert.deepEqual(prepareName('AS-SAHAB MEDIA', 'organization').tokens, ['as', 'sahab', 'media']);
  assert.deepEqual(prepareName('Equinor AS', 'organization').legalForms, ['jsc']);
  assert.deepEqual(prepareName('Banco SA Mexico', 'organization').legalForms, []);
  assert.deepEqual(prepareName('OAO Gazprom', 'organization').legalForms.length, 1);
});

test('person names keep words that look like legal forms', () => {
  assert.deepEqual(prepareName('Li Ag Limited', 'person').legalForms, []);
});
