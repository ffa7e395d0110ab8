import { isDeepStrictEqual } from 'node:util';
import type { JsonObject, JsonValue } from './model.js';
import type { AnyTask } from './task.js';

/** What reads show instead of a secret value; sending it back keeps the stored value. */
export const SECRET_SET = 'set';

type Task = Pick<AnyTask, 'secretArgs' | 'secretsBoundTo'> | undefined;

const isPlainObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A secret value as reads show it: "set", or for an object each of its values masked. */
function maskValue(value: JsonValue): JsonValue {
  if (value === null || value === '') return value;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v)]));
  return SECRET_SET;
}

/** The arguments as they may leave the server: every secret field's value shown as "set". */
export function maskSecretArgs(task: Task, args: JsonObject): JsonObject;
export function maskSecretArgs(task: Task, args: JsonObject | null): JsonObject | null;
export function maskSecretArgs(task: Task, args: JsonObject | null): JsonObject | null {
  if (!args || !task?.secretArgs?.length) return args;
  const out: JsonObject = { ...args };
  for (const field of task.secretArgs) {
    const value = out[field];
    if (value !== undefined) out[field] = maskValue(value);
  }
  return out;
}

export interface RestoredArgs {
  args: JsonObject;
  /** Secret fields (dotted paths) given as "set" that were dropped, or had no stored value. */
  dropped: string[];
}

/**
 * Puts the stored values back where `incoming` says "set" (a read can be sent back unchanged).
 * When a field the secrets are bound to (e.g. the URL) differs from the stored one, "set" is
 * dropped instead: a secret is never carried over to a destination it was not given for.
 */
export function restoreSecretArgs(task: Task, incoming: JsonObject, stored: JsonObject | null): RestoredArgs {
  const dropped: string[] = [];
  if (!task?.secretArgs?.length) return { args: incoming, dropped };
  const base = stored ?? {};
  const moved = (task.secretsBoundTo ?? []).some((field) => !isDeepStrictEqual(incoming[field], base[field]));
  const restore = (value: JsonValue | undefined, old: JsonValue | undefined, path: string): JsonValue | undefined => {
    if (value === SECRET_SET) {
      if (moved || old === undefined || old === SECRET_SET) {
        dropped.push(path);
        return undefined;
      }
      return old;
    }
    if (isPlainObject(value)) {
      const oldObject = isPlainObject(old) ? old : {};
      const entries = Object.entries(value)
        .map(([k, v]) => [k, restore(v, oldObject[k], `${path}.${k}`)] as const)
        .filter(([, v]) => v !== undefined);
      return Object.fromEntries(entries) as JsonObject;
    }
    return value;
  };
  const args: JsonObject = { ...incoming };
  for (const field of task.secretArgs) {
    if (!(field in args)) continue;
    const value = restore(args[field], base[field], field);
    if (value === undefined) delete args[field];
    else args[field] = value;
  }
  return { args, dropped };
}
