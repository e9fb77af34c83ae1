// EU Financial Sanctions File (FSF) XML as a SourceFormat. UNVERIFIED on a real file (see eu-fsf.parse.ts).
import { listId, type IsoDate, type ListId } from '../../domain/ids.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { mapEuFsf } from './eu-fsf.map.ts';
import { parseEuFsf } from './eu-fsf.parse.ts';

/** True for an XML file whose root is <export> of the FSF namespace, or <export> holding <sanctionEntity>. */
export function detectEuFsf(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  const head = input.head;
  return /<(\w+:)?export[\s>]/.test(head) && (head.includes('http://eu.europa.ec/fpi/fsd/export') || head.includes('sanctionEntity'));
}

/** Reads the FSF export: one entity per sanctionEntity; the list's as-of date is the export's generationDate. */
export async function* readEuFsf(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list: ListId = options.listId ?? listId('eu_fsf');
  let announced = false;
  const announce = (asOf?: IsoDate): SourceEvent => {
    announced = true;
    return asOf === undefined ? { type: 'list', listId: list } : { type: 'list', listId: list, asOf };
  };
  for await (const event of parseEuFsf(path)) {
    if (event.type === 'asOf') {
      yield announce(event.date);
      continue;
    }
    if (!announced) yield announce();
    if (event.type !== 'record') {
      yield event;
      continue;
    }
    const { entity, warnings } = mapEuFsf(event.record, list);
    for (const warning of warnings) yield { type: 'warning', warning };
    if (entity !== undefined) yield { type: 'entity', entity };
  }
}

/** Format id `eu_fsf_xml`. */
export const euFsfFormat: SourceFormat = {
  id: 'eu_fsf_xml',
  description: 'EU Financial Sanctions File XML (export / sanctionEntity, xmlFullSanctionsList_1_1) — unverified on a real file',
  detect: detectEuFsf,
  read: readEuFsf,
};
