// The contract every list format implements: read a file (or a folder of files) into a stream of events.
// Parsers stream; a bad record is a `warning` event with file/line/reason, never a throw. A format throws an
// AppError('unusable_file') only when the file as a whole cannot be read (wrong format, truncated header, …).
import type { Entity } from '../domain/entity.ts';
import type { IsoDate, ListId } from '../domain/ids.ts';

export interface ImportWarning {
  file: string;
  /** 1-based line (or record number for formats without lines). */
  line: number;
  reason: string;
  /** A bad record counts against the 1 % limit; a note (e.g. an unparsed remark) does not. */
  severity: 'bad_record' | 'note';
}

export type SourceEvent =
  /** First event: which list this input holds and the as-of date printed in it, if any. */
  | { type: 'list'; listId: ListId; asOf?: IsoDate }
  | { type: 'entity'; entity: Entity }
  | { type: 'warning'; warning: ImportWarning }
  /** Last event: how many source rows/records were read (a multi-file set counts its primary file). */
  | { type: 'end'; rowsRead: number };

export interface ReadOptions {
  /** Overrides the list id the format would choose (e.g. a user's own list, an FtM dataset). */
  listId?: ListId;
  /** "Today" for deciding whether an end date has passed (ISO date); injected for reproducible tests. */
  today: string;
}

/** What a format looks at to recognise its input: the path and the first bytes of each file. */
export interface DetectInput {
  path: string;
  isDirectory: boolean;
  /** File names in the folder (directories) or the single file name. */
  fileNames: string[];
  /** First 4 KiB of the file (or of the folder's first file), decoded as latin1 so any byte survives. */
  head: string;
}

export interface SourceFormat {
  /** Stable format id, used by `--format`. */
  id: string;
  description: string;
  detect(input: DetectInput): boolean;
  read(path: string, options: ReadOptions): AsyncIterable<SourceEvent>;
}
