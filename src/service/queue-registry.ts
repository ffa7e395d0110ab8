import { ConfigurationError, ValidationError, fieldError } from '../domain/errors.js';
import { DEFAULT_QUEUE, type Queue } from '../domain/model.js';

export type QueueConfig = string | { name: string; title?: string; description?: string };

const QUEUE_NAME = /^[a-z0-9][a-z0-9._-]*$/i;

/** The configured queues. Runs may only be submitted to these. */
export class QueueRegistry {
  readonly #queues: Queue[];

  constructor(config: QueueConfig[] = [DEFAULT_QUEUE]) {
    const queues = config.map((entry) => {
      const queue = typeof entry === 'string' ? { name: entry } : entry;
      if (!QUEUE_NAME.test(queue.name ?? '')) {
        throw new ConfigurationError(`Queue name "${queue.name}" is not valid: use letters, digits, ".", "_" and "-".`);
      }
      return { name: queue.name, title: queue.title ?? queue.name, description: queue.description ?? '' };
    });
    if (queues.length === 0) throw new ConfigurationError('At least one queue must be configured.');
    const names = new Set<string>();
    for (const queue of queues) {
      if (names.has(queue.name)) throw new ConfigurationError(`Queue "${queue.name}" is configured twice.`);
      names.add(queue.name);
    }
    this.#queues = queues;
  }

  list(): Queue[] {
    return [...this.#queues];
  }

  names(): string[] {
    return this.#queues.map((queue) => queue.name);
  }

  /** The queue used when none is given: "default" if configured, else the first one. */
  get defaultName(): string {
    return this.#queues.find((queue) => queue.name === DEFAULT_QUEUE.name)?.name ?? this.#queues[0]!.name;
  }

  has(name: string): boolean {
    return this.#queues.some((queue) => queue.name === name);
  }

  /** Refuses a queue that is not configured, listing the ones that are. */
  check(name: string, field = 'queue'): string {
    if (this.has(name)) return name;
    throw new ValidationError(`Unknown queue "${name}".`, [
      fieldError(field, `Unknown queue "${name}". Known queues: ${this.names().join(', ')}.`),
    ]);
  }
}
