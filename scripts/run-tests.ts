// Runs the unit/integration suites with node:test and fails when no test ran (a silent 0 is a broken CI).
import { spawnSync } from 'node:child_process';

const globs = ['src/**/*.test.ts', 'test/**/*.test.ts'];
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-reporter=spec', ...process.argv.slice(2), ...globs], {
  stdio: ['inherit', 'pipe', 'inherit'],
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
process.stdout.write(result.stdout ?? '');
const tests = Number(/ℹ tests (\d+)/.exec(result.stdout ?? '')?.[1] ?? '0');
if (tests === 0) {
  console.error('no test ran: failing the run on purpose');
  process.exit(1);
}
process.exit(result.status ?? 1);
