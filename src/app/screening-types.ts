// What a screening returns, in the wire shape shared by the API, `embargo screen --json` and the audit log
// (GET /v1/screenings/{id} returns the stored answer byte for byte). Field names are snake_case like the
// query fields of docs/contracts.md.
import type { ListVersionRef } from '../audit/index.ts';
import type { Gender } from '../domain/entity.ts';
import type { JurisdictionFinding } from '../jurisdictions/index.ts';

/** One party to screen (docs/contracts.md "Query fields", plus a free-text address and a caller reference). */
export interface PartyQuery {
  name: string;
  schema?: string;
  country?: string;
  birth_date?: string;
  id?: string[];
  gender?: Gender;
  address?: string;
  /** The caller's own id for the party (echoed back). */
  reference?: string;
}

export interface ScreenSettings {
  threshold?: number;
  lists?: string[];
  limit?: number;
}

/** The query as the engine read it. */
export interface NormalisedQuery {
  name: string;
  name_tokens: string[];
  script: string;
  legal_forms: string[];
  schema: string | null;
  country: string | null;
  birth_date: string | null;
  id: string[];
  gender: string | null;
  address: string | null;
}

export interface MatchOut {
  entity_id: string;
  list_id: string;
  source_id: string;
  schema: string;
  listed_name: string;
  matched_name: string;
  score: number;
  band: string;
  algorithm: string;
  explanation: { feature: string; contribution: number; reason: string }[];
  also_on: { entity_id: string; list_id: string; source_id: string; score: number }[];
}

export type ScreeningStatus = 'clear' | 'potential_match';

export interface PartyResult {
  query: PartyQuery;
  normalised: NormalisedQuery;
  /** `potential_match` when there is a match or a jurisdiction finding. */
  status: ScreeningStatus;
  matches: MatchOut[];
  jurisdictions: JurisdictionFinding[];
}

export interface ScreeningHeader {
  id: string;
  screened_at: string;
  algorithm: string;
  threshold: number;
  lists: ListVersionRef[];
}

export type ScreeningResponse = ScreeningHeader & PartyResult;

export interface PartyError {
  code: string;
  message: string;
  field: string | null;
  hint: string | null;
}

export type BatchItem = { index: number; reference: string | null } & (PartyResult | { status: 'error'; query: PartyQuery; error: PartyError });

export interface BatchResponse extends ScreeningHeader {
  summary: { parties: number; potential_matches: number; clear: number; errors: number };
  results: BatchItem[];
}
