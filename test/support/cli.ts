import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './fixtures.js';

const BIN = fileURLToPath(new URL('../../bin/jobdeck.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the jobdeck command as a user would, against the given database. */
export function cli(args: string[], database: string, cwd?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, JOBDECK_DATABASE_URL: database }, cwd, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export async function cliJson<T>(args: string[], database: string, cwd?: string): Promise<T> {
  const result = await cli([...args, '--json'], database, cwd);
  if (result.code !== 0) throw new Error(`jobdeck ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Starts `jobdeck worker` (or another service command) in its own process; stopped after the test. */
export async function startWorkerProcess(database: string, cwd?: string, command = 'worker'): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, command, ...(command === 'start' ? ['--port', '0'] : [])], {
    env: { ...process.env, JOBDECK_DATABASE_URL: database },
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  onCleanup(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });
  await new Promise<void>((resolve, reject) => {
    let log = '';
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${log}`)));
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(`${command === 'start' ? 'jobdeck' : command} running`)) resolve();
    });
  });
  return child;
}
