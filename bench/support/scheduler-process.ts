// A scheduler process for the benchmarks: `scheduler-process.ts <database-url>`.
import { createJobdeck } from '../../src/service/jobdeck.js';
import { noopTask } from './bench-setup.js';

const [url] = process.argv.slice(2);
const deck = await createJobdeck({ database: url!, tasks: [noopTask] });
const scheduler = deck.createScheduler();
await scheduler.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void scheduler
    .stop()
    .then(() => deck.close())
    .then(() => process.exit(0));
});
