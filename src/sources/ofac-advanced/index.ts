// OFAC advanced XML (SDN_ADVANCED schema: sdn_advanced.xml → us_ofac_sdn, cons_advanced.xml → us_ofac_cons)
// as a SourceFormat. Read in two streaming passes (advanced.context.ts, ofac-advanced.parse.ts).
// See docs/design/sources-core-b1.md.
import { basename } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { isoDate, listId, type IsoDate, type ListId } from '../../domain/ids.ts';
import { makeDate } from '../common/list-dates.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import type { AdvancedContext } from './advanced.context.ts';
import { mapAdvancedParty } from './ofac-advanced.map.ts';
import { parseOfacAdvanced } from './ofac-advanced.parse.ts';

const SANCTIONS_NS = 'http://www.un.org/sanctions/1.0';

/** True for an XML file whose root is <Sanctions> in the SDN_ADVANCED namespace. */
export function detectOfacAdvanced(input: DetectInput): boolean {
  return !input.isDirectory && /<Sanctions[\s>]/.test(input.head) && input.head.includes(SANCTIONS_NS);
}

/**
 * Which OFAC list the file is: entries on the "Consolidated List" make it the consolidated (non-SDN) file,
 * which also repeats a few SDN entries; entries only on the "SDN List" make it the SDN file. A file with
 * neither is named by its file name or by --list.
 */
export function advancedListId(path: string, ctx: AdvancedContext, override: ListId | undefined): ListId {
  if (override !== undefined) return override;
  const lists = new Set([...(ctx.values.get('List')?.values() ?? [])].map((e) => e.text));
  const used = new Set([...ctx.entriesByProfile.values()].flat().map((e) => e.attrs['ListID'] ?? ''));
  const usedNames = new Set(
    [...(ctx.values.get('List')?.entries() ?? [])].filter(([id]) => used.has(id)).map(([, e]) => e.text),
  );
  if (usedNames.has('Consolidated List')) return listId('us_ofac_cons');
  if (usedNames.has('SDN List')) return listId('us_ofac_sdn');
  const name = basename(path).toLowerCase();
  if (name.includes('cons')) return listId('us_ofac_cons');
  if (name.includes('sdn')) return listId('us_ofac_sdn');
  throw new AppError(
    'usage',
    `cannot tell which OFAC list ${basename(path)} holds (lists: ${[...lists].join(', ') || 'none'})`,
    {
      where: path,
      hint: 'name the list with --list us_ofac_sdn or --list us_ofac_cons',
    },
  );
}

function asOfDate(ctx: AdvancedContext): IsoDate | undefined {
  const d = ctx.dateOfIssue;
  const date = d === undefined ? undefined : makeDate(d.year, d.month, d.day);
  return date === undefined ? undefined : isoDate(date);
}

/** Reads an SDN_ADVANCED file into source events. */
export async function* readOfacAdvanced(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const file = basename(path);
  let list: ListId | undefined;
  let rowsRead = 0;
  for await (const event of parseOfacAdvanced(path)) {
    if (event.type === 'context') {
      list = advancedListId(path, event.context, options.listId);
      const asOf = asOfDate(event.context);
      yield asOf === undefined ? { type: 'list', listId: list } : { type: 'list', listId: list, asOf };
      continue;
    }
    rowsRead++;
    const mapped = mapAdvancedParty(event.party, list!);
    if (!mapped.ok) {
      yield {
        type: 'warning',
        warning: { file, line: event.line, reason: mapped.reason, severity: 'bad_record' },
      };
      continue;
    }
    for (const reason of mapped.notes)
      yield { type: 'warning', warning: { file, line: event.line, reason, severity: 'note' } };
    yield { type: 'entity', entity: mapped.entity };
  }
  yield { type: 'end', rowsRead };
}

/** Format id `ofac_advanced_xml`. */
export const ofacAdvancedFormat: SourceFormat = {
  id: 'ofac_advanced_xml',
  description: 'OFAC advanced XML (SDN_ADVANCED schema): sdn_advanced.xml or cons_advanced.xml',
  detect: detectOfacAdvanced,
  read: readOfacAdvanced,
};
