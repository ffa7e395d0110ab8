import fs from 'node:fs';
import os from 'node:os';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobWire, RunWire } from '../../../src/wire/wire.js';
import { cli, cliJson, startWorkerProcess } from '../../support/cli.js';
import { openTestStore, useTestDatabase } from '../../support/fixtures.js';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'jobdeck-cli-'));
}

describe('jobdeck CLI with a worker process', () => {
  it('runs a demo.wait job to SUCCESS, defaults since, and stops a long run within 3 s', async () => {
    const { url } = useTestDatabase();
    await (await openTestStore(url)).close(); // migrate once, before processes race to do it
    await startWorkerProcess(url);
    const job = await cliJson<JobWire>(
      ['jobs', 'create', '--title', 'Wait', '--task', 'demo.wait', '--args', '{"seconds": 1}'],
      url,
    );

    const waited = await cli(['jobs', 'run', job.id, '--wait'], url);
    expect(waited.code).toBe(0);
    expect(waited.stdout).toMatch(/status:\s+SUCCESS/);
    const [first] = (await cliJson<{ hits: { hits: RunWire[] } }>(['runs', 'list', '--job', job.id], url)).hits.hits;

    const long = await cliJson<RunWire>(['jobs', 'run', job.id, '--args', '{"seconds": 30}'], url);
    expect(long.since).toBe(first!.started_at);
    const running = Date.now() + 10_000;
    while ((await cliJson<RunWire>(['runs', 'show', String(long.id)], url)).status !== 'RUNNING') {
      expect(Date.now()).toBeLessThan(running);
    }
    const asked = Date.now();
    const stopped = await cliJson<RunWire>(['runs', 'stop', String(long.id), '--wait'], url);
    expect(stopped.status).toBe('CANCELLED');
    expect(Date.now() - asked).toBeLessThan(3000);

    const again = await cli(['runs', 'stop', String(long.id)], url);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already finished \(CANCELLED\)/);
  });

  it('imports the vocabulary sample as PARTIAL_SUCCESS, and fewer records with a later --since', async () => {
    const { url } = useTestDatabase();
    const cwd = tempDir();
    await (await openTestStore(url)).close();
    await startWorkerProcess(url, cwd);
    const job = await cliJson<JobWire>(
      ['jobs', 'create', '--title', 'Organisations', '--task', 'demo.import-vocabulary'],
      url,
      cwd,
    );

    const full = await cli(['jobs', 'run', job.id, '--wait', '--json'], url, cwd);
    expect(full.code).toBe(2);
    const run = JSON.parse(full.stdout) as RunWire;
    expect(run).toMatchObject({
      status: 'PARTIAL_SUCCESS',
      total_entries: 300,
      inserted_entries: 282,
      updated_entries: 0,
      errored_entries: 18,
    });

    const later = JSON.parse(
      (await cli(['jobs', 'run', job.id, '--since', '2026-01-01T00:00:00Z', '--wait', '--json'], url, cwd)).stdout,
    ) as RunWire;
    expect(later).toMatchObject({ status: 'PARTIAL_SUCCESS', since: '2026-01-01T00:00:00.000Z' });
    expect(later.total_entries).toBeLessThan(300);
    expect(later.inserted_entries).toBe(0);
    expect(later.updated_entries).toBeGreaterThan(0);
    fs.rmSync(cwd, { recursive: true, force: true });
  });
});

describe('jobdeck CLI bad input', () => {
  it('explains unknown tasks, bad JSON and unknown queues without a stack trace', async () => {
    const { url } = useTestDatabase();
    const bad = await cli(
      ['jobs', 'create', '--title', 'x', '--task', 'nope', '--queue', 'fast', '--custom-args', '{"a": 1,}'],
      url,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /task: Unknown task "nope". Known tasks: demo.fan-out, demo.import-vocabulary, demo.wait, http.request/,
    );
    expect(bad.stderr).toMatch(/queue: Unknown queue "fast". Known queues: default/);
    expect(bad.stderr).toMatch(/custom_args: Invalid JSON at line 1, column 9/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);

    const job = await cliJson<JobWire>(['jobs', 'create', '--title', 'W', '--task', 'demo.wait'], url);
    const args = await cli(['jobs', 'run', job.id, '--args', '{"seconds": "soon"}'], url);
    expect(args.stderr).toMatch(/args.seconds: .*expected number/);
    const notObject = await cli(['jobs', 'run', job.id, '--custom-args', '[1]'], url);
    expect(notObject.stderr).toMatch(/custom_args: Must be a JSON object/);
    const missing = await cli(['runs', 'show', '999'], url);
    expect(missing).toMatchObject({ code: 1, stderr: 'error: Run with ID 999 does not exist.\n' });
  });

  it('names the database it cannot reach', async () => {
    const result = await cli(['jobs', 'list'], 'postgres://postgres@127.0.0.1:1/nowhere');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Cannot use the database at postgres:\/\/postgres@127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/,
    );
  });
});

describe('jobdeck CLI configuration', () => {
  it('loads tasks and queues from a TypeScript config file', async () => {
    const { url } = useTestDatabase();
    const cwd = tempDir();
    const src = path.resolve('src/index.ts');
    fs.writeFileSync(
      path.join(cwd, 'jobdeck.config.ts'),
      `import { z } from 'zod';
import { defineConfig, defineTask } from ${JSON.stringify(src)};
const greet = defineTask({ id: 'greet', title: 'Greet', description: 'Says hello',
  args: z.object({ name: z.string() }), run: (ctx, args) => ({ hello: args.name }) });
export default defineConfig({ tasks: [greet], queues: ['default', { name: 'slow', title: 'Slow lane' }] });
`,
    );
    // As in a host project: an ES module package, with zod resolvable from the config's folder.
    fs.writeFileSync(path.join(cwd, 'package.json'), '{"type": "module"}');
    fs.symlinkSync(path.resolve('node_modules'), path.join(cwd, 'node_modules'));
    const tasks = await cliJson<{ id: string }[]>(['tasks', 'list'], url, cwd);
    expect(tasks.map((t) => t.id)).toEqual(['greet', 'http.request', 'maintenance.prune-history']);
    const job = await cliJson<JobWire>(
      ['jobs', 'create', '--title', 'Hi', '--task', 'greet', '--queue', 'slow'],
      url,
      cwd,
    );
    expect(job.default_queue).toBe('slow');
    const bad = await cli(['jobs', 'run', job.id, '--args', '{}'], url, cwd);
    expect(bad.stderr).toMatch(/args.name: /);
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  it('keeps a worker alive and retrying while its database is unreachable', async () => {
    const child = spawn(process.execPath, ['bin/jobdeck.js', 'worker'], {
      env: { ...process.env, JOBDECK_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${log}`)));
      child.stderr!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if ((log.match(/database not reachable, retrying/g) ?? []).length >= 2) resolve();
      });
    });
    expect(log).toMatch(/postgres:\/\/postgres@127\.0\.0\.1:1\/nowhere/);
    child.kill('SIGKILL');
  });

  it('exits quietly (code 0) when its stdout is closed early, as by `jobdeck audit | head`', async () => {
    const { url } = useTestDatabase();
    await (await openTestStore(url)).close();
    for (let i = 0; i < 3; i++)
      await cliJson<JobWire>(['jobs', 'create', '--title', `Job ${i}`, '--task', 'demo.wait'], url);
    const child = spawn(process.execPath, ['bin/jobdeck.js', 'audit'], {
      env: { ...process.env, JOBDECK_DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader goes away before the command writes anything.
    child.stdout!.destroy();
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(err).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  }, 120_000);
});
