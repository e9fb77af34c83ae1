// Public face of the audit trail: record hashing, chaining, signed checkpoints, verification, export.
export {
  AUDIT_FORMAT,
  GENESIS_HASH,
  chainAfter,
  recordHash,
  toBody,
  type AuditBody,
  type AuditChannel,
  type AuditHead,
  type AuditInput,
  type AuditKind,
  type AuditRecord,
  type ListVersionRef,
} from './record.ts';
export { checkpointSignedWith, formatCheckpoint, parseCheckpoint, signHead, type Checkpoint } from './checkpoint.ts';
export { verifyChain, type Problem, type ProblemKind, type VerifyOptions, type VerifyReport } from './verify.ts';
export { CSV_COLUMNS, csvHeader, csvRow, jsonLine, type ExportFormat } from './export.ts';
