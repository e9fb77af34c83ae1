// Messages between the pool and its worker threads.
import type { ScreenOptions, ScreenQuery } from '../types.ts';
import type { QueryOutcome } from './types.ts';

export interface ChunkRequest {
  id: number;
  queries: readonly ScreenQuery[];
  options: ScreenOptions;
}

export type ChunkReply = { id: number; outcomes: QueryOutcome[] } | { id: number; failure: string };
