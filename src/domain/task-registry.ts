import { z } from 'zod';
import { NotFoundError } from './errors.js';
import type { AnyTask } from './task.js';
import { compareNames } from './name-order.js';

/** The task types a host program registered, by id. */
export class TaskRegistry {
  readonly #tasks = new Map<string, AnyTask>();

  constructor(tasks: Iterable<AnyTask> = []) {
    for (const task of tasks) this.register(task);
  }

  register(task: AnyTask): void {
    if (this.#tasks.has(task.id)) {
      throw new TypeError(`A task with id "${task.id}" is already registered.`);
    }
    this.#tasks.set(task.id, task);
  }

  has(id: string): boolean {
    return this.#tasks.has(id);
  }

  find(id: string): AnyTask | undefined {
    return this.#tasks.get(id);
  }

  /** The task, or an error that lists the known ones. */
  get(id: string): AnyTask {
    const task = this.#tasks.get(id);
    if (!task) throw new NotFoundError(`Unknown task "${id}". ${this.describeKnown()}`);
    return task;
  }

  list(): AnyTask[] {
    return [...this.#tasks.values()].sort((a, b) => compareNames(a.id, b.id));
  }

  ids(): string[] {
    return this.list().map((task) => task.id);
  }

  describeKnown(): string {
    const ids = this.ids();
    return ids.length ? `Known tasks: ${ids.join(', ')}.` : 'No tasks are registered.';
  }
}

/** Keywords the admin UI reads: which argument fields an operator may change, which are secret. */
const OPERATOR_EDITABLE_KEYWORD = 'x-jobdeck-operator-editable';
const SECRET_KEYWORD = 'x-jobdeck-secret';
const SECRETS_BOUND_TO_KEYWORD = 'x-jobdeck-secrets-bound-to';

/** The JSON Schema of a task's arguments, for generated forms, with the task's argument rights. */
export function argsJsonSchema(task: AnyTask): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(task.args, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
    [OPERATOR_EDITABLE_KEYWORD]: [...(task.operatorEditable ?? [])],
    [SECRET_KEYWORD]: [...(task.secretArgs ?? [])],
    [SECRETS_BOUND_TO_KEYWORD]: [...(task.secretsBoundTo ?? [])],
  };
}
