// The screening engine as the API and CLI see it: an index over the current list versions that answers
// queries. One interface, so that routes and commands can be tested with any implementation and the
// composition root alone picks the real one (matching-screener.ts).
import type { ListVersionRef } from '../audit/index.ts';
import type { Algorithm, EntityCard, Match, ScreenOptions, ScreenQuery } from '../matching/index.ts';

export interface IndexState {
  /** True once an index has been built: queries can be answered. */
  ready: boolean;
  /** The list versions the current index was built from. */
  lists: ListVersionRef[];
  entities: number;
  builtAt: string | undefined;
}

export interface Screener {
  readonly algorithm: Algorithm;
  state(): IndexState;
  /**
   * Screens one query against the current index, best match first. A bad field is AppError('invalid_input')
   * naming it. Only call when `state().ready`.
   */
  screen(query: ScreenQuery, options: ScreenOptions): Match[];
  /** What the current index holds of each listed party (names, lists, programs, countries), for list scans. */
  cards(): readonly EntityCard[];
  /** Rebuilds the index if the store's current list versions changed since the last build; true if rebuilt. */
  refresh(): Promise<boolean>;
  close(): Promise<void>;
}
