// Micro-benchmark of prepareName over the real OFAC SDN names (sdn.csv column 2, 8,976 names) and
// their aliases (alt.csv column 4, 11,910 names).
// Usage: node scripts/bench-text.ts [passes]   (prints names/s cold and warm, and per-call p50/p99)
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { decodeListBytes } from '../src/sources/common/decode.ts';
import { prepareName, type NameKindHint } from '../src/text/index.ts';

const SDN = new URL('../data/us_ofac/sdn_csv/sdn.csv', import.meta.url);
const ALT = new URL('../data/us_ofac/sdn_csv/alt.csv', import.meta.url);
const passes = Number(process.argv[2] ?? 7);

// Columns: ent_num, SDN_Name, SDN_Type ("individual", "vessel", "aircraft", "-0- " for entities), …
function csv(url: URL): string[][] {
  return parse(decodeListBytes(readFileSync(url)).text, { relax_column_count: true, relax_quotes: true }) as string[][];
}
const rows = csv(SDN).filter((r) => (r[1] ?? '').trim() !== '');
const hintOf = new Map(rows.map((r) => [r[0], r[2]?.trim() === 'individual' ? 'person' : 'organization'] as const));
// alt.csv columns: ent_num, alt_num, alt_type, alt_name, alt_remarks; the hint comes from the SDN entry.
const names: [string, NameKindHint][] = [
  ...rows.map((r) => [r[1] as string, hintOf.get(r[0]) ?? 'any'] as [string, NameKindHint]),
  ...csv(ALT)
    .filter((r) => (r[3] ?? '').trim() !== '')
    .map((r) => [r[3] as string, hintOf.get(r[0]) ?? 'any'] as [string, NameKindHint]),
];

function pass(): number {
  const t = performance.now();
  for (const [name, hint] of names) prepareName(name, hint);
  return performance.now() - t;
}

const cold = pass();
console.log(`cold pass (loads name tables): ${names.length} names in ${cold.toFixed(0)} ms = ${Math.round(names.length / (cold / 1000))} names/s`);
let best = Infinity;
for (let i = 1; i < passes; i++) best = Math.min(best, pass());
console.log(`warm pass (best of ${passes - 1}): ${Math.round(names.length / (best / 1000))} names/s`);

const times: number[] = [];
for (const [name] of names) {
  const t = performance.now();
  prepareName(name, 'any');
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const q = (p: number): string => (times[Math.floor(p * (times.length - 1))] as number).toFixed(4);
console.log(`per query ('any' hint): p50 ${q(0.5)} ms, p99 ${q(0.99)} ms`);
