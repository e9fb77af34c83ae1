// The one error class of the project. Codes are stable strings; the CLI and HTTP edges map them once.

/** Stable error codes; the edges map each to an exit code / HTTP status. */
export type ErrorCode =
  | 'usage'
  | 'not_found'
  | 'invalid_input'
  | 'invalid_list_id'
  | 'invalid_source_id'
  | 'invalid_entity_id'
  | 'invalid_date'
  | 'invalid_country'
  | 'unusable_file'
  | 'too_many_bad_records'
  | 'mass_removal'
  | 'unknown_format'
  | 'database'
  | 'conflict';

export interface ErrorDetails {
  /** How to fix it, in words a user can act on. */
  hint?: string;
  /** Where: a file, a line, a field. */
  where?: string;
  cause?: unknown;
}

/** An expected failure with a stable code, a message saying what went wrong, and where/how to fix it. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly where: string | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = details.hint;
    this.where = details.where;
  }
}
