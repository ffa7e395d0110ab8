import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { scriptArgs } from './paths.js';
import { defineTask } from '../../src/domain/task.js';

export const noopTask = defineTask({
  id: 'bench.noop',
  title: 'No-op',
  description: 'Does nothing; for benchmarks',
  args: z.object({}),
  run: () => undefined,
});

export type BenchDialect = 'sqlite' | 'postgres';

export function pgBaseUrl(): string {
  return process.env.JOBDECK_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** A fresh database for one measurement, and how to drop it afterwards. */
export function freshDatabase(dialect: BenchDialect): { url: string; drop(): Promise<void> } {
  const name = `jd_bench_${Date.now()}_${process.pid}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobdeck-bench-'));
    return {
      url: `sqlite:${path.join(dir, 'bench.db')}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  return {
    url: `${pgBaseUrl()}?schema=${name}`,
    async drop() {
      const client = new pg.Client({ connectionString: pgBaseUrl() });
      await client.connect();
      await client.query(`drop schema if exists ${name} cascade`);
      await client.end();
    },
  };
}

/** Starts a worker in its own process (as in production) and resolves once it claims. */
export function spawnWorker(url: string, concurrency: number): Promise<ChildProcess> {
  return spawnService('worker-process.ts', [url, String(concurrency)]);
}

/** Starts a scheduler in its own process and resolves once it runs. */
export function spawnScheduler(url: string): Promise<ChildProcess> {
  return spawnService('scheduler-process.ts', [url]);
}

async function spawnService(name: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...scriptArgs(import.meta.url, `./${name}`), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
  });
  return child;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export function dialectsFromArgs(argv: string[]): BenchDialect[] {
  const value = argValue(argv, '--dialect') ?? 'sqlite,postgres';
  return value.split(',').map((d) => {
    if (d !== 'sqlite' && d !== 'postgres') throw new Error(`--dialect must be sqlite, postgres or both, not ${d}`);
    return d;
  });
}

export function argValue(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
