import { userInfo } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { openContext, type CliContext, type GlobalOptions } from './context.js';
import { reportError } from './output.js';
import type { Jobdeck } from '../service/jobdeck.js';
import type { WireView } from '../wire/wire.js';

/**
 * Wraps a command's action: opens Jobdeck from the global options, runs, closes, and turns
 * errors into a message and a non-zero exit.
 */
export function withContext<A extends unknown[]>(
  fn: (ctx: CliContext, ...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const command = args[args.length - 1] as Command;
    const options = command.optsWithGlobals<GlobalOptions>();
    let ctx: CliContext | undefined;
    try {
      ctx = await openContext(options);
      await fn(ctx, ...args);
    } catch (error) {
      reportError(error, options.json ?? false);
    } finally {
      await ctx?.deck.close().catch(() => undefined);
    }
  };
}

export function parseInteger(name: string, min = 0) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}.`);
    return n;
  };
}

export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function parseRunId(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError(`"${value}" is not a run id (a positive whole number).`);
  return n;
}

/** Who the audit log names for what a command does. */
export function cliActor(): string {
  return `cli:${process.env.USER ?? process.env.USERNAME ?? osUser() ?? 'unknown'}`;
}

// Containers and service managers often run without USER set; the account name still names who acted.
function osUser(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined; // no passwd entry for this uid
  }
}

/**
 * How the CLI shows jobs and runs: as to an admin (whoever can open the database is one), yet
 * with secret arguments shown as "set" like everywhere else.
 */
export function cliView(deck: Jobdeck): WireView {
  return { tasks: deck.tasks.registry, role: 'admin' };
}
