import { isDeepStrictEqual } from 'node:util';
import { ForbiddenError, fieldError } from './errors.js';
import type { JsonObject } from './model.js';
import type { AnyTask } from './task.js';

/** The values a task would see: defaults applied when the arguments fit, else as given. */
function effective(task: AnyTask, args: JsonObject): Record<string, unknown> {
  const parsed = task.args.safeParse(args);
  return parsed.success && parsed.data && typeof parsed.data === 'object' ? parsed.data : args;
}

/** Top-level argument fields whose values differ between the saved and the run's arguments. */
export function changedArgFields(task: AnyTask, saved: JsonObject, next: JsonObject): string[] {
  const before = effective(task, saved);
  const after = effective(task, next);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !isDeepStrictEqual(before[key], after[key])).sort();
}

/**
 * Refuses changes an operator may not make: anything but the fields the task lists as
 * `operatorEditable` (`since` included). `changed` are field names ("since" for the since).
 */
export function checkOperatorChanges(task: AnyTask, changed: readonly string[]): void {
  const allowed = new Set(task.operatorEditable ?? []);
  const refused = changed.filter((field) => !allowed.has(field));
  if (!refused.length) return;
  const editable = [...allowed];
  throw new ForbiddenError(
    `Your role (operator) may run this job with its saved arguments but not change ${refused.join(', ')}; ` +
      `that needs an admin.${editable.length ? ` You may change: ${editable.join(', ')}.` : ''}`,
    refused.map((field) =>
      fieldError(
        field === 'since' ? 'since' : `args.${field}`,
        `Only an admin may change this field of task "${task.id}".`,
      ),
    ),
  );
}
