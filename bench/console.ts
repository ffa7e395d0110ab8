// Every operations console benchmark on both dialects, one after the other, each in its own
// process: console-api (overview, runs list, bulk count), console-workers (workers, tasks),
// console-stats (charts), console-calendar (calendar, fidelity, compare). Their histories (about
// 1,000,000 runs each) are seeded once and reused by later runs (`--reuse`, default jd_bench).
// Usage: npm run bench:console -- [--dialect sqlite,postgres] [--only api,workers,stats,calendar]
//   [--reuse PREFIX] [--fresh] [--drop] [--explain] [--plans] [--runs N] [--requests N]
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { argValue, dialectsFromArgs } from './support/bench-setup.js';
import { scriptArgs } from './support/paths.js';

const argv = process.argv.slice(2);
const benches = (argValue(argv, '--only') ?? 'api,workers,stats,calendar').split(',');
const passed = argv.filter(
  (arg, i) => !['--dialect', '--only'].includes(arg) && !['--dialect', '--only'].includes(argv[i - 1]!),
);
const reuse = argv.includes('--fresh') || argValue(argv, '--reuse') ? [] : ['--reuse', 'jd_bench'];
const forwarded = passed.filter((arg) => arg !== '--fresh');

let failed = false;
for (const dialect of dialectsFromArgs(argv)) {
  for (const bench of benches) {
    console.log(
      `\n== console-${bench} on ${dialect}; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    const child = spawnSync(
      process.execPath,
      [...scriptArgs(import.meta.url, `./console-${bench}.ts`), '--dialect', dialect, ...reuse, ...forwarded],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
