// A progress bar on stderr for long batch commands (cli-progress): done/total by bytes of input read, rows,
// rate in rows/s, ETA. Shown on a terminal unless --json; `force` shows it anyway (plain lines off a terminal).
import cliProgress from 'cli-progress';

export interface RowProgress {
  rows: number;
  bytesRead: number;
  bytesTotal: number;
}

export interface ProgressBar {
  update(progress: RowProgress): void;
  stop(): void;
}

const SILENT: ProgressBar = { update: () => undefined, stop: () => undefined };

/** `force`: true always, false never, undefined on a terminal without --json. */
export function rowProgressBar(
  label: string,
  options: { force: boolean | undefined; json: boolean },
): ProgressBar {
  const tty = process.stderr.isTTY === true;
  const show = options.force ?? (tty && !options.json);
  if (!show) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} {bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}`,
      noTTYOutput: !tty,
      notTTYSchedule: 2000,
      etaBuffer: 50,
      hideCursor: tty,
    },
    cliProgress.Presets.shades_classic,
  );
  // The rate counts from the first chunk written, so that building the index does not read as slow screening.
  let first: { at: number; rows: number } | undefined;
  let running = false;
  let last: RowProgress = { rows: 0, bytesRead: 0, bytesTotal: 0 };
  const payload = (p: RowProgress) => {
    first ??= { at: performance.now(), rows: p.rows };
    const seconds = (performance.now() - first.at) / 1000;
    const rate = seconds > 0 ? Math.round((p.rows - first.rows) / seconds) : 0;
    return { rows: p.rows.toLocaleString('en-US'), rate: rate.toLocaleString('en-US') };
  };
  return {
    update(p) {
      last = p;
      // The input is read ahead of the rows written: the bar follows the bytes read so far.
      const total = Math.max(1, p.bytesTotal);
      if (!running) {
        bar.start(total, Math.min(p.bytesRead, total), payload(p));
        running = true;
      } else bar.update(Math.min(p.bytesRead, total), payload(p));
    },
    stop() {
      if (!running) return;
      bar.update(Math.max(1, last.bytesTotal), payload(last));
      bar.stop();
    },
  };
}
