import { z } from 'zod';
import { ValidationError, type FieldError } from './errors.js';
import type { JsonObject } from './model.js';
import type { AnyTask } from './task.js';

/**
 * What clients written for the seed system send, read the way they mean it (DESIGN.md,
 * "Semantics kept from the seed's system"):
 * - `args.since`: the seed took `since` from the arguments; unless the task declares a `since`
 *   argument of its own, it is the run's `since`, not an argument to strip silently;
 * - unknown argument fields are refused with a field error (zod would strip them silently).
 */
export function liftSince(
  task: AnyTask,
  args: JsonObject | undefined,
): { args: JsonObject | undefined; since: string | null | undefined } {
  const since = args?.since;
  if (!args || (typeof since !== 'string' && since !== null) || declaredFields(task)?.includes('since') !== false) {
    return { args, since: undefined };
  }
  const { since: _lifted, ...rest } = args;
  return { args: rest, since };
}

/** Refuses fields the task's schema does not declare (for schemas that would strip them). */
export function refuseUnknownFields(task: AnyTask, args: JsonObject | null | undefined, field: string): void {
  const known = declaredFields(task);
  if (!args || !known) return;
  const errors: FieldError[] = Object.keys(args)
    .filter((key) => !known.includes(key))
    .map((key) => ({
      field: `${field}.${key}`,
      messages: [`Task "${task.id}" has no argument "${key}". Its arguments: ${known.join(', ') || 'none'}.`],
    }));
  if (errors.length) throw new ValidationError(`The arguments do not fit task "${task.id}".`, errors);
}

/** The fields of an object schema that strips unknown keys; undefined when it keeps them or is not one. */
function declaredFields(task: AnyTask): string[] | undefined {
  const schema = task.args;
  if (!(schema instanceof z.ZodObject) || schema.def.catchall !== undefined) return undefined;
  return Object.keys(schema.shape);
}
