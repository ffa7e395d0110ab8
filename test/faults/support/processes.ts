import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/jobdeck.js', import.meta.url));
export const FAULT_CONFIG = fileURLToPath(new URL('./fault.config.ts', import.meta.url));

/** A jobdeck service process (worker, scheduler, server, start) of a fault scenario. */
export interface ServiceProcess {
  child: ChildProcess;
  pid: number;
  /** Everything it wrote to stderr (its pino log) so far. */
  log(): string;
  /** Resolves with the exit code or signal once it has exited. */
  exited: Promise<number | string>;
  /** The API's base URL (server and start only). */
  url?: string;
}

const running = new Set<ServiceProcess>();
const LOG_DIR = path.join(os.tmpdir(), 'jobdeck-faults');
fs.mkdirSync(LOG_DIR, { recursive: true });

afterEach(async () => {
  // Whatever a scenario left running is killed for certain, so no process outlives its test.
  await Promise.all(
    [...running].map(async (service) => {
      if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
      await service.exited;
    }),
  );
  running.clear();
});

/** Starts `jobdeck <command>` with the fault config and waits until it says it is running. */
export async function startService(
  command: 'worker' | 'scheduler' | 'server' | 'start',
  database: string,
  options: { args?: string[]; env?: Record<string, string>; config?: string; netns?: string } = {},
): Promise<ServiceProcess> {
  const serves = command === 'server' || command === 'start';
  const args = [
    BIN,
    command,
    '--config',
    options.config ?? FAULT_CONFIG,
    ...(serves ? ['--port', '0'] : []),
    ...(options.args ?? []),
  ];
  // In a network namespace (a simulated host), `ip netns exec` execs node: the pid stays node's.
  const [file, ...argv] = options.netns
    ? ['ip', 'netns', 'exec', options.netns, process.execPath, ...args]
    : [process.execPath, ...args];
  const child = spawn(file!, argv, {
    env: {
      ...process.env,
      JOBDECK_DATABASE_URL: database,
      JOBDECK_LOG_LEVEL: 'info',
      JOBDECK_ADMIN_TOKEN: ADMIN_TOKEN,
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  // Kept in a file too, for a look after a failure.
  const logFile = path.join(LOG_DIR, `${command}-${child.pid}.log`);
  child.stderr!.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    fs.appendFileSync(logFile, chunk);
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code ?? 0)),
  );
  const service: ServiceProcess = { child, pid: child.pid!, log: () => log, exited };
  running.add(service);
  const label = command === 'start' ? 'jobdeck' : command;
  await new Promise<void>((resolve, reject) => {
    // Generous: on a loaded machine, several processes starting at once take a while.
    const timer = setTimeout(() => reject(new Error(`${command} did not start in 60 s:\n${log}`)), 60_000);
    void exited.then((code) => reject(new Error(`${command} exited with ${code}:\n${log}`)));
    const check = () => {
      if (log.includes(`${label} running`)) {
        clearTimeout(timer);
        child.stderr!.off('data', check);
        resolve();
      }
    };
    child.stderr!.on('data', check);
  });
  if (serves) {
    const match = /"url":"(http:\/\/[^"]+)\/api"/.exec(log);
    if (!match) throw new Error(`no server URL in the log:\n${log}`);
    service.url = match[1]!;
  }
  return service;
}

export const ADMIN_TOKEN = 'jdk_fault-suite-admin-token-0123456789abcdef';

/** Polls `check` until it returns a value (not undefined) or the time runs out. */
export async function until<T>(check: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A figure for the report: one clear line the CI log keeps. */
export function figure(name: string, value: string | number): void {
  console.log(`FIGURE ${name}: ${value}`);
}
