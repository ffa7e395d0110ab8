import { RUN_STATUSES, type RunStatus } from '../domain/run-status.js';
import type { Store } from '../storage/store.js';
import type { AuditService } from './audit-service.js';
import type { QueueRegistry } from './queue-registry.js';

export interface QueueInfo {
  name: string;
  title: string;
  description: string;
  /** Workers take no runs of a paused queue; runs already running go on. */
  paused: boolean;
  /**
   * Runs of the queue in each status (every status present, 0 when none): every queued, running
   * and cancelling run; finished runs only of the last 24 hours, so the count stays cheap however
   * long the history kept is.
   */
  counts: Record<RunStatus, number>;
}

/** Finished runs are counted over this window only (live runs are always all counted). */
const FINISHED_COUNT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The configured queues as administrators see and steer them. */
export class QueueService {
  constructor(
    private readonly store: Store,
    private readonly queues: QueueRegistry,
    private readonly audit: AuditService,
    private readonly clock: () => number = Date.now,
  ) {}

  async list(): Promise<QueueInfo[]> {
    const finishedSince = new Date(this.clock() - FINISHED_COUNT_WINDOW_MS);
    const [paused, counts] = await Promise.all([this.store.queuesPaused(), this.store.queueCounts(finishedSince)]);
    return this.queues.list().map((queue) => {
      const byStatus = Object.fromEntries(RUN_STATUSES.map((status) => [status, 0])) as Record<RunStatus, number>;
      for (const row of counts) if (row.queue === queue.name) byStatus[row.status] = row.count;
      return { ...queue, paused: paused.includes(queue.name), counts: byStatus };
    });
  }

  pause(name: string, actor: string, requestId?: string): Promise<QueueInfo> {
    return this.#setPaused(name, true, actor, requestId);
  }

  resume(name: string, actor: string, requestId?: string): Promise<QueueInfo> {
    return this.#setPaused(name, false, actor, requestId);
  }

  async #setPaused(name: string, paused: boolean, actor: string, requestId?: string): Promise<QueueInfo> {
    this.queues.check(name);
    await this.store.queueSetPaused(name, paused);
    await this.audit.record(actor, paused ? 'queue.pause' : 'queue.resume', {
      details: { queue: name },
      ...(requestId !== undefined && { requestId }),
    });
    return (await this.list()).find((queue) => queue.name === name)!;
  }
}
