// FollowTheMoney JSON lines as two SourceFormats: `ftm_jsonl` (an entities file) and `ftm_delta` (a dataset
// folder with delta.json and per-version delta files). See docs/design/ftm.md.
import type { DetectInput, SourceFormat } from '../types.ts';
import { DELTA_INDEX, ENTITIES_FILE } from './ftm.delta.ts';
import { readFtmDelta, readFtmJsonl } from './ftm.read.ts';

export { FTM_IDENTIFIER_PROPS, FTM_CODECS } from './ftm.props.ts';
export { mapFtmObject } from './ftm.map.ts';
export { toFtm, ftmProperties, writeFtmJsonl, type FtmOut } from './ftm.export.ts';
export { ftmLinks, ftmSanctionedIds, percentageShare, type FtmLink } from './ftm.links.ts';
export { ftmListId, readFtmDelta, readFtmDeltaVersions, readFtmJsonl, type FtmDeltaVersionState } from './ftm.read.ts';
export type { FtmObject } from './ftm.parse.ts';

const FTM_FILE_NAME = /\.ftm\.jsonl?$/i;
// The head of an FtM line: a JSON object naming a schema (capitalised) and a properties object. Checked on
// the first 4 KiB only, so the line need not be complete; a delta line (`"op":`) is not an entities file.
function looksLikeFtmLine(head: string): boolean {
  return /^\s*\{/.test(head) && /"schema"\s*:\s*"[A-Z]/.test(head) && /"properties"\s*:\s*\{/.test(head) && !/^\s*\{\s*"op"\s*:/.test(head);
}

/** An entities file (by name or content), or a folder with entities.ftm.json and no delta.json. */
export function detectFtmJsonl(input: DetectInput): boolean {
  if (input.isDirectory) return input.fileNames.includes(ENTITIES_FILE) && !input.fileNames.includes(DELTA_INDEX);
  return FTM_FILE_NAME.test(input.fileNames[0] ?? '') || looksLikeFtmLine(input.head);
}

/** A folder with delta.json, or the delta.json file itself. */
export function detectFtmDelta(input: DetectInput): boolean {
  return input.fileNames.includes(DELTA_INDEX) && (input.isDirectory || /"versions"\s*:/.test(input.head));
}

/** Format id `ftm_jsonl`. */
export const ftmJsonlFormat: SourceFormat = {
  id: 'ftm_jsonl',
  description: 'FollowTheMoney JSON lines: entities.ftm.json (one {"id", "schema", "properties"} object per line)',
  detect: detectFtmJsonl,
  read: readFtmJsonl,
};

/** Format id `ftm_delta`. */
export const ftmDeltaFormat: SourceFormat = {
  id: 'ftm_delta',
  description: 'FollowTheMoney delta dataset: delta.json version index + <version>/entities.delta.json ADD/MOD/DEL lines',
  detect: detectFtmDelta,
  read: readFtmDelta,
};
