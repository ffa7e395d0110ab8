// A worker process for the benchmarks: `worker-process.ts <database-url> <concurrency>`.
import { createJobdeck } from '../../src/service/jobdeck.js';
import { noopTask } from './bench-setup.js';

const [url, concurrency] = process.argv.slice(2);
const deck = await createJobdeck({ database: url!, tasks: [noopTask] });
const worker = deck.createWorker({ concurrency: Number(concurrency ?? 10) });
await worker.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void worker
    .stop()
    .then(() => deck.close())
    .then(() => process.exit(0));
});
