import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../../src/http/server.js';
import { waitTask } from '../../../src/tasks/demo/wait.js';
import { openTestDeck, testTasks } from '../../support/deck.js';
import { onCleanup } from '../../support/fixtures.js';

// examples/client.ts, a user's script; test/unit/typed-client-types.test.ts type-checks it.
const script = path.resolve('examples/client.ts');

describe('jobdeck/client (the typed client users import)', () => {
  it('creates a job and a run against a running server', async () => {
    const deck = await openTestDeck({ tasks: [...testTasks, waitTask] });
    const server = await startServer(deck, 0, '127.0.0.1', { adminUi: false });
    onCleanup(() => server.close());
    const { secret } = await deck.tokens.create({ name: 'script', role: 'admin' });
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, JOBDECK_URL: `${server.url}/api`, JOBDECK_TOKEN: secret },
    });
    const { job, run } = JSON.parse(stdout) as { job: { id: string }; run: { id: number; job_id: string } };
    expect(run).toMatchObject({
      job_id: job.id,
      title: 'From the typed client',
      status: 'QUEUED',
      started_by: 'script',
    });
    expect((await deck.jobs.get(job.id)).task).toBe('demo.wait');
    expect((await deck.runs.get(run.id, job.id)).title).toBe('From the typed client');
  });
});
