// The contract of relation-file readers: a stream of edges (owner → owned, share range, kind), bad records as
// warnings with file/line/reason, and an end event. Readers are pure mappings from a file to edges; storing
// them (all or nothing) is the importer's job.
import type { IsoDate } from '../../domain/ids.ts';
import type { NodeRef, RelationEdge } from '../../graph/types.ts';
import type { DetectInput, ImportWarning } from '../types.ts';

export type RelationEvent =
  | { type: 'edge'; edge: RelationEdge; line: number }
  | { type: 'warning'; warning: ImportWarning }
  /** Last event: records read (CSV rows, XML records, JSON objects), whether or not they gave an edge. */
  | { type: 'end'; rowsRead: number };

export interface RelationReadOptions {
  /** As-of date for records that carry none (default: the file's own date where it has one). */
  asOf?: IsoDate;
  /** Node of a registry id, e.g. LEI → `party:lei:<LEI>`, company number → `party:gb_coh:<number>`. */
  partyRef?: (namespace: string, id: string) => NodeRef;
}

export interface RelationFormat {
  /** Stable id, used by `embargo relations import --format`. */
  id: string;
  description: string;
  detect(input: DetectInput): boolean;
  read(path: string, options?: RelationReadOptions): AsyncIterable<RelationEvent>;
}
