// Share ranges as written by people and registries ("60", "25-50", ">50 %", "") and as shown back to them.
import { shareRange, UNKNOWN_SHARE, isUnknownShare, type ShareRange } from './types.ts';

/**
 * An exclusive bound ("more than 50 %", a PSC band's open end) is stored as the bound moved by one part per
 * million (0.0001 %): "more than 50 %" is [0.500001, 1], which passes a "> 50 %" test (EU, UK) exactly as the
 * words say, while "50 % or more" is [0.5, 1]. The engine adds shares as integer ppm, so no rounding creeps in.
 */
export const EXCLUSIVE_STEP = 1e-6;

/** Parts per million, the integer unit the engine adds shares in (exact for sums of up to 2^53 ppm). */
export function toPpm(fraction: number): number {
  return Math.round(fraction * 1_000_000);
}

export type ParsedShare = { ok: true; share: ShareRange } | { ok: false; reason: string };

const NUMBER = String.raw`(\d{1,3}(?:\.\d+)?)`;
const RANGE = new RegExp(String.raw`^${NUMBER}\s*%?\s*[-–—]\s*${NUMBER}\s*%?$`);
const SINGLE = new RegExp(String.raw`^(>=|≥|>|<=|≤|<)?\s*${NUMBER}\s*%?$`);
const UNKNOWN_WORDS = new Set(['', 'unknown', '?', 'n/a', 'na']);

function percent(text: string): number {
  return Number(text) / 100;
}

function bounded(op: string | undefined, p: number): [number, number] {
  switch (op) {
    case '>':
      return [Math.min(1, p + EXCLUSIVE_STEP), 1];
    case '>=':
    case '≥':
      return [p, 1];
    case '<':
      return [0, Math.max(0, p - EXCLUSIVE_STEP)];
    case '<=':
    case '≤':
      return [0, p];
    default:
      return [p, p];
  }
}

/** Parses a percentage cell: a number (`60`, `60 %`), a range (`25-50`), a bound (`>50`), or empty = unknown. */
export function parsePercent(text: string): ParsedShare {
  const value = text.trim().toLowerCase();
  if (UNKNOWN_WORDS.has(value)) return { ok: true, share: UNKNOWN_SHARE };
  if (/^\d+,\d+/.test(value)) {
    return { ok: false, reason: `percent "${text}" uses a decimal comma; write 25.5 rather than 25,5` };
  }
  const range = RANGE.exec(value);
  const single = range === null ? SINGLE.exec(value) : null;
  let lo: number;
  let hi: number;
  if (range !== null) [lo, hi] = [percent(range[1]!), percent(range[2]!)];
  else if (single !== null) [lo, hi] = bounded(single[1], percent(single[2]!));
  else return { ok: false, reason: `percent "${text}" is not a number, a range like 25-50, or empty` };
  if (hi > 1 || lo > 1) return { ok: false, reason: `percent "${text}" is above 100` };
  if (lo > hi) return { ok: false, reason: `percent range "${text}" has its low end above its high end` };
  return { ok: true, share: shareRange(lo, hi) };
}

function pct(fraction: number): string {
  return `${Number((fraction * 100).toFixed(4))}`;
}

/** An end stored one ppm inside a round bound (see EXCLUSIVE_STEP): the bound it excludes, else undefined. */
function excluded(fraction: number, side: 'lo' | 'hi'): number | undefined {
  const ppm = toPpm(fraction);
  if (side === 'lo' && ppm % 100 === 1) return (ppm - 1) / 1e6;
  if (side === 'hi' && ppm % 100 === 99) return (ppm + 1) / 1e6;
  return undefined;
}

/** "60 %", "25–50 %", "more than 50 %", "more than 25 % up to 50 %", "unknown share". */
export function formatShare(range: ShareRange): string {
  if (isUnknownShare(range)) return 'unknown share';
  const [lo, hi] = range;
  const xlo = excluded(lo, 'lo');
  const xhi = excluded(hi, 'hi');
  if (xlo !== undefined) {
    if (hi === 1) return `more than ${pct(xlo)} %`;
    return xhi !== undefined
      ? `more than ${pct(xlo)} % but less than ${pct(xhi)} %`
      : `more than ${pct(xlo)} % up to ${pct(hi)} %`;
  }
  if (xhi !== undefined) return `${pct(lo)} % to less than ${pct(xhi)} %`;
  return lo === hi ? `${pct(lo)} %` : `${pct(lo)}–${pct(hi)} %`;
}

/** Formats a [lo, hi] pair of plain fractions (an aggregate, which may exceed 1 before capping). */
export function formatAggregate(lo: number, hi: number): string {
  const l = Math.min(lo, 1);
  const h = Math.min(hi, 1);
  return l === h ? `${pct(l)} %` : `${pct(l)}–${pct(h)} %`;
}
