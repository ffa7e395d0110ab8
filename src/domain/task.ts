import { z } from 'zod';
import type { Job, JsonObject, JsonValue, Run, RunProgress } from './model.js';

export type LogFields = Record<string, unknown>;
type LogFn = (message: string, fields?: LogFields) => void;

export interface TaskLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  /**
   * Backpressure for tasks that log heavily: resolves at once while the worker's unsent lines are
   * below its high-water mark, otherwise once they have been written. Await it now and then in a
   * tight logging loop to keep memory bounded; logging itself never waits.
   */
  drain(): Promise<void>;
}

/** Options of an outbound request: fetch's, plus how many redirects to follow (default 5). */
export interface OutboundRequest {
  method?: string;
  headers?: Headers | Record<string, string>;
  body?: string | null;
  signal?: AbortSignal;
  /** 0 returns a redirect response as it is. */
  maxRedirects?: number;
}

/** HTTP calls under the deployment's outbound policy (see docs/outbound-and-secrets.md). */
export interface OutboundClient {
  /** Like fetch(); a target the policy refuses (e.g. a private address) fails before connecting. */
  fetch(url: string, init?: OutboundRequest): Promise<Response>;
}

/** One sub-run to create: its arguments (validated against its task's schema) and more. */
export interface SubRunItem {
  args?: JsonObject | undefined;
  /** Default: the parent's title and the item's number, e.g. "Import #3". */
  title?: string | undefined;
  /** Default: the parent's `since`. */
  since?: Date | null | undefined;
}

export interface SubRunOptions {
  /** A registered task id; default the parent's task. */
  task?: string | undefined;
  /** Default: the parent's queue. */
  queue?: string | undefined;
}

/**
 * Fan-out: the run creates child runs (ordinary runs of the same job, with `parent_run_id`).
 * When its code returns before they end, the run is WAITING and ends with the last of them.
 */
export interface SubRuns {
  /**
   * Validates every item first (nothing is created if one is refused: a ValidationError names
   * `items.N.args.field`), then creates them in bulk. Resolves with the number created.
   */
  create(items: readonly SubRunItem[], options?: SubRunOptions): Promise<number>;
}

/** What a task's `run` receives besides its arguments. */
export interface TaskContext {
  /** Process only what changed after this instant; null means "everything". */
  since: Date | null;
  /** Aborted when the run is stopped, times out or the worker shuts down. */
  signal: AbortSignal;
  log: TaskLogger;
  /** Counters shown on the run; missing fields keep their previous value. */
  progress(counters: Partial<RunProgress>): void;
  /**
   * Records a warning: a `warn` line in the run's log, and a run whose code then returns normally
   * ends WARNING ("success with warnings") instead of SUCCESS, its message the first warning.
   * Errored entries (PARTIAL_SUCCESS), a throw and a stop still decide over it. `ctx.log.warn`
   * only logs: it does not change how the run ends.
   */
  warn(message: string, fields?: LogFields): void;
  job: Readonly<Job>;
  run: Readonly<Run>;
  /** Use it for HTTP calls to targets that come from arguments: it refuses internal addresses. */
  outbound: OutboundClient;
  /** Create sub-runs (not available to isolated tasks, nor to sub-runs themselves). */
  subRuns: SubRuns;
}

// The schema is kept loose so that a task's typed `run` can be stored in one registry.
export type ArgsSchema = z.ZodType<JsonObject | Record<string, unknown>>;

export interface TaskDefinition<S extends ArgsSchema = ArgsSchema> {
  id: string;
  title: string;
  description: string;
  args: S;
  /**
   * Top-level argument fields an operator may change when running a job (`since` stands for the
   * run's since). Running with the saved arguments is always allowed; changing any other field
   * needs the admin role. Default: none.
   */
  operatorEditable?: readonly string[];
  /**
   * Top-level argument fields whose values are write-only outside the server: reads show "set"
   * (each value of an object field, e.g. every header). Sending "set" back keeps the stored value.
   */
  secretArgs?: readonly string[];
  /**
   * The fields that say where the secrets go (e.g. `url`): when one changes, secrets given as
   * "set" are dropped rather than sent to the new destination.
   */
  secretsBoundTo?: readonly string[];
  /** Default limit of a run in seconds (a job's `timeout_seconds` overrides it). */
  timeout?: number;
  /**
   * Run in a child process: a stop or timeout then ends it for certain (SIGTERM, then SIGKILL),
   * and a crash of the task cannot take the worker down. The task must be loadable by the child:
   * a built-in task or one from the config file (or the worker's `tasksModule`).
   */
  isolate?: boolean;
  /**
   * How a parent's sub-runs decide its end (docs/subruns.md): by default it ends PARTIAL_SUCCESS
   * when some failed; with `failWhen` it ends FAILED instead once `'any'` failed, `'all'` failed,
   * or at least `{ ratio }` of them (0 < ratio ≤ 1) failed.
   */
  subRuns?: { failWhen?: SubRunFailWhen };
  run(ctx: TaskContext, args: z.output<S>): Promise<JsonValue | void> | JsonValue | void;
}

export type SubRunFailWhen = 'any' | 'all' | { ratio: number };

/** The share of failed sub-runs from which the parent fails (0: any, 1: all), or null: never. */
export function subRunFailRatio(failWhen: SubRunFailWhen | undefined): number | null {
  if (failWhen === undefined) return null;
  if (failWhen === 'any') return 0;
  if (failWhen === 'all') return 1;
  return failWhen.ratio;
}

export interface AnyTask {
  id: string;
  title: string;
  description: string;
  args: ArgsSchema;
  operatorEditable?: readonly string[];
  secretArgs?: readonly string[];
  secretsBoundTo?: readonly string[];
  timeout?: number;
  isolate?: boolean;
  subRuns?: { failWhen?: SubRunFailWhen };
  run(ctx: TaskContext, args: never): Promise<JsonValue | void> | JsonValue | void;
}

/** A registered task that keeps its arguments' schema in its type, for typed `enqueue`. */
export type Task<S extends ArgsSchema = ArgsSchema> = AnyTask & { readonly args: S };

const TASK_ID = /^[a-z0-9][a-z0-9._-]*$/i;

export function defineTask<S extends ArgsSchema>(definition: TaskDefinition<S>): Task<S> {
  if (!TASK_ID.test(definition.id)) {
    throw new TypeError(`Task id "${definition.id}" is not valid: use letters, digits, ".", "_" and "-".`);
  }
  if (typeof definition.run !== 'function') {
    throw new TypeError(`Task "${definition.id}" has no run function.`);
  }
  if (definition.timeout !== undefined && !(definition.timeout > 0 && Number.isFinite(definition.timeout))) {
    throw new TypeError(`Task "${definition.id}": timeout must be a positive number of seconds.`);
  }
  const failWhen = definition.subRuns?.failWhen;
  const ratio = typeof failWhen === 'object' ? failWhen.ratio : 0;
  if (failWhen !== undefined && failWhen !== 'any' && failWhen !== 'all' && !(ratio > 0 && ratio <= 1)) {
    throw new TypeError(
      `Task "${definition.id}": subRuns.failWhen must be 'any', 'all' or { ratio } with 0 < ratio ≤ 1.`,
    );
  }
  checkArgFieldLists(definition);
  return definition as unknown as Task<S>;
}

/** The field lists must name top-level fields of the schema (when it is an object), so typos show. */
function checkArgFieldLists(definition: TaskDefinition<ArgsSchema>): void {
  const shape = (definition.args as { shape?: Record<string, unknown> }).shape;
  const lists = {
    operatorEditable: definition.operatorEditable,
    secretArgs: definition.secretArgs,
    secretsBoundTo: definition.secretsBoundTo,
  };
  for (const [name, list] of Object.entries(lists)) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new TypeError(`Task "${definition.id}": ${name} must be a list of field names.`);
    const unknown = list.filter((field) => field !== 'since' && shape && !(field in shape));
    if (unknown.length) {
      throw new TypeError(`Task "${definition.id}": ${name} names unknown argument fields: ${unknown.join(', ')}.`);
    }
  }
}
