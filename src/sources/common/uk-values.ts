// Values the UK lists (OFSI consolidated list, FCDO UK Sanctions List) write the same way: numbered
// multi-values "(1) A (2) B", name parts Name 1 … Name 6, languages of non-Latin names, DD/MM/YYYY dates
// with 00 or missing parts.
import { addIdentifier } from '../../domain/entity-builder.ts';
import type { Entity, IdentifierType } from '../../domain/entity.ts';
import type { IsoDate } from '../../domain/ids.ts';
import { makeDate, slashDate } from './list-dates.ts';

/** "(1) 223611 (2) C00146605" → ["223611", "C00146605"]; a value without markers → [value]. */
export function numbered(value: string): string[] {
  if (!/^\s*\(1\)/.test(value)) return value.trim() === '' ? [] : [value.trim()];
  return value
    .split(/\(\d+\)/)
    .map((v) =>
      v
        .trim()
        .replace(/[.;,]$/, '')
        .trim(),
    )
    .filter((v) => v !== '');
}

/** The full name of a row: Name 1 … Name 5 (given names) then Name 6 (surname, or an entity's whole name). */
export function fullName(cells: Readonly<Record<string, string>>): string {
  return ['Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5', 'Name 6']
    .map((c) => cells[c] ?? '')
    .filter((v) => v !== '')
    .join(' ');
}

/** `07/10/1952`, `00/00/1975`, `1975`, `05/1975` → ISO (full or partial). */
export function ukDate(text: string): IsoDate | undefined {
  const t = text.trim();
  const monthYear = /^(\d{1,2})\/(\d{4})$/.exec(t);
  if (monthYear !== null)
    return Number(monthYear[1]) === 0
      ? makeDate(Number(monthYear[2]))
      : makeDate(Number(monthYear[2]), Number(monthYear[1]));
  if (/^\d{4}$/.test(t)) return makeDate(Number(t));
  return slashDate(t);
}

/** Language names in "Non-Latin Script Language" → BCP-47 (the spellings found in the OFSI file). */
const LANGUAGES: Readonly<Record<string, string>> = {
  arabic: 'ar',
  belarusian: 'be',
  bosnian: 'bs',
  bulgarian: 'bg',
  burmese: 'my',
  chinese: 'zh',
  cyrillic: 'ru',
  georgian: 'ka',
  greek: 'el',
  hebrew: 'he',
  japanese: 'ja',
  kazakh: 'kk',
  korean: 'ko',
  persian: 'fa',
  'persian/farsi': 'fa',
  farsi: 'fa',
  romanian: 'ro',
  russia: 'ru',
  russian: 'ru',
  serbian: 'sr',
  spanish: 'es',
  thai: 'th',
  turkish: 'tr',
  ukraine: 'uk',
  ukrainian: 'uk',
  hangul: 'ko',
};

/** BCP-47 tag for the language (else the script type) of a non-Latin name, when known. */
export function languageTag(language: string, script: string): string | undefined {
  return LANGUAGES[language.trim().toLowerCase()] ?? LANGUAGES[script.trim().toLowerCase()];
}

/** Numbered numbers zipped with numbered details ("(1) 223611 (2) C00146605" / "(1) Libya number (2) …"). */
export function addNumberedIds(
  entity: Entity,
  numbers: string | undefined,
  details: string | undefined,
  type: IdentifierType,
): void {
  const values = numbered(numbers ?? '');
  const labels = numbered(details ?? '');
  values.forEach((value, i) => {
    const label = values.length === labels.length ? labels[i] : details;
    addIdentifier(entity, label === undefined ? { type, value } : { type, value, label });
  });
}
