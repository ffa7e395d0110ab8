// Parent side of a child process running one phase of one system (see child.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { scriptArgs } from '../support/paths.js';

export interface ChildMessage {
  type: string;
  [key: string]: unknown;
}

const CHILD = scriptArgs(import.meta.url, './child.ts');

export class Child {
  readonly #process: ChildProcess;
  readonly #queue: ChildMessage[] = [];
  #waiter: (() => void) | undefined;
  #exited: Promise<number | null>;
  #exitCode: number | null | undefined;
  readonly #label: string;

  constructor(label: string, phase: string, config: object, extra: number[] = []) {
    this.#label = label;
    const args = [...CHILD, phase, JSON.stringify(config), ...extra.map(String)];
    this.#process = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.#exited = new Promise((resolve) =>
      this.#process.once('exit', (code) => {
        this.#exitCode = code;
        this.#waiter?.();
        resolve(code);
      }),
    );
    for (const stream of [this.#process.stdout!, this.#process.stderr!]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        if (line.startsWith('@@')) {
          this.#queue.push(JSON.parse(line.slice(2)) as ChildMessage);
          this.#waiter?.();
        } else if (line.trim()) {
          console.error(`  [${this.#label}] ${line}`);
        }
      });
    }
  }

  /** The next message, which must be of `type`; fails on a child error, exit or timeout. */
  async next(type: string, timeoutMs: number): Promise<ChildMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const message = this.#queue.shift();
      if (message?.type === 'error') throw new Error(`${this.#label}: ${String(message.message)}`);
      if (message) {
        if (message.type !== type) throw new Error(`${this.#label}: expected ${type}, got ${message.type}`);
        return message;
      }
      if (this.#exitCode !== undefined) throw new Error(`${this.#label}: exited with ${this.#exitCode}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${this.#label}: no ${type} within ${Math.round(timeoutMs / 1000)} s`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#waiter = undefined;
    }
  }

  send(line: string): void {
    this.#process.stdin!.write(`${line}\n`);
  }

  /** Ends the child: stdin closed first (a polite stop), killed if it lingers. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.#exitCode !== undefined) return;
    this.#process.stdin!.end();
    const timer = setTimeout(() => this.#process.kill('SIGKILL'), graceMs);
    await this.#exited;
    clearTimeout(timer);
  }

  /** Waits for the child to exit by itself (after its last message). */
  async exit(timeoutMs = 30_000): Promise<void> {
    await this.stop(timeoutMs);
  }
}
