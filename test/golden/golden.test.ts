// Golden cases are data (STYLE habit 7): every row of test/golden/*.jsonl is compared with compareNames at
// the default threshold. A row with `limitation` documents a known limitation: it must still not match (when
// it starts matching, the limitation is gone and the row should say so).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareNames } from '../../src/matching/index.ts';

interface GoldenCase {
  query: string;
  candidate: string;
  schema?: string;
  expected: boolean;
  note: string;
  limitation?: string;
}

const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));

test('golden files exist and hold cases', () => {
  assert.ok(files.includes('cross-script.jsonl') && files.includes('names.jsonl'));
});

for (const file of files) {
  const cases = readFileSync(dir + file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldenCase);
  test(`${file}: ${cases.length} cases`, () => {
    for (const c of cases) {
      const r = compareNames(c.query, c.candidate, c.schema);
      const want = c.limitation === undefined ? c.expected : !c.expected;
      assert.equal(
        r.match,
        want,
        `${c.query} ~ ${c.candidate} (${c.note}${c.limitation ? `; known limitation: ${c.limitation}` : ''}): ${r.explanation}`,
      );
    }
  });
}
