import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { ValidationError, fieldError, type FieldError } from './errors.js';
import type { JsonObject } from './model.js';
import type { AnyTask } from './task.js';

/**
 * Reads a JSON object given as text or as a value. Text that does not parse is reported with
 * the line and column where it breaks; anything but an object is refused.
 */
export function parseJsonObject(input: unknown, field: string): JsonObject {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new ValidationError(`${field} is not valid JSON.`, [fieldError(field, describeJsonSyntaxError(input))]);
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new ValidationError(`${field} must be a JSON object.`, [
      fieldError(field, `Must be a JSON object ({...}), got ${kind}.`),
    ]);
  }
  return value as JsonObject;
}

/** Where JSON text breaks, as "line L, column C": V8's own message often gives no position. */
function describeJsonSyntaxError(text: string): string {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return 'Invalid JSON.';
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - before.lastIndexOf('\n');
  const problem = printParseErrorCode(first.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  const near = JSON.stringify(text.slice(Math.max(0, first.offset - 10), first.offset + 10));
  return `Invalid JSON at line ${line}, column ${column} (near ${near}): ${problem}.`;
}

/** Validates arguments against a task's schema and returns the parsed values (defaults applied). */
export function validateTaskArgs(task: AnyTask, args: JsonObject, field = 'args'): JsonObject {
  const parsed = task.args.safeParse(args);
  if (parsed.success) return parsed.data as JsonObject;
  throw new ValidationError(
    `The arguments do not fit task "${task.id}".`,
    issuesToFieldErrors(parsed.error.issues, field),
  );
}

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[], prefix: string): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  return [...byField].map(([field, messages]) => ({ field, messages }));
}

export interface RunArgsInput {
  task: AnyTask;
  /** The job's saved form arguments. */
  jobArgs: JsonObject;
  /** The job's saved custom args, if any. */
  jobCustomArgs: JsonObject | null;
  /** Form arguments given for this run; merged over the job's. */
  args?: JsonObject | undefined;
  /** Custom args for this run; undefined inherits the job's, null ignores them. */
  customArgs?: JsonObject | null | undefined;
}

export interface ResolvedArgs {
  args: JsonObject;
  customArgs: JsonObject | null;
}

/**
 * The arguments a run will use: custom args, when present, replace the form arguments verbatim;
 * otherwise the run's form arguments are laid over the job's saved ones. Either way they must fit
 * the task's schema, so a bad run is refused before it is queued.
 */
export function resolveRunArgs(input: RunArgsInput): ResolvedArgs {
  const given = input.customArgs === undefined ? input.jobCustomArgs : input.customArgs;
  // As in the seed, empty custom args ({}) mean none.
  const customArgs = given && Object.keys(given).length > 0 ? given : null;
  if (customArgs) {
    validateTaskArgs(input.task, customArgs, 'custom_args');
    return { args: customArgs, customArgs };
  }
  const merged = { ...input.jobArgs, ...(input.args ?? {}) };
  return { args: validateTaskArgs(input.task, merged), customArgs: null };
}
