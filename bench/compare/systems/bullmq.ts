// BullMQ, on its usual backend (Redis, 127.0.0.1:6379) and on its PostgreSQL backend (BullMQ 6).
// Default: a Worker with only the concurrency set. Tuned (Redis): jobs removed on completion, as
// its docs advise for high volume, so Redis does not keep 200,000 finished jobs.
import { loadPeer } from '../peers.js';
import type { AdapterConfig, AdapterFactory } from './adapter.js';

interface BullQueue {
  addBulk(jobs: { name: string; data: unknown; opts?: Record<string, unknown> }[]): Promise<unknown>;
  add(name: string, data: unknown, opts?: Record<string, unknown>): Promise<unknown>;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
  obliterate(opts: { force: boolean }): Promise<void>;
  waitUntilReady(): Promise<unknown>;
  close(): Promise<void>;
}
interface BullWorker {
  waitUntilReady(): Promise<unknown>;
  close(): Promise<void>;
  on(event: 'error', listener: (error: unknown) => void): void;
}
interface BullMQ {
  Queue: new (name: string, opts: Record<string, unknown>, backend?: unknown) => BullQueue;
  Worker: new (
    name: string,
    processor: () => Promise<void>,
    opts: Record<string, unknown>,
    backend?: unknown,
  ) => BullWorker;
  createPostgresBackend: unknown;
}
interface RedisClient {
  info(section: string): Promise<string>;
  keys(pattern: string): Promise<string[]>;
  del(...keys: string[]): Promise<number>;
  quit(): Promise<unknown>;
}
type RedisConstructor = new (url: string, opts?: Record<string, unknown>) => RedisClient;

const QUEUE = 'noop';

function bullmqOn(backend: 'redis' | 'postgres'): AdapterFactory {
  return (config: AdapterConfig) => {
    const mq = loadPeer<BullMQ>('bullmq');
    const redisUrl = new URL(config.redisUrl);
    const connection =
      backend === 'redis'
        ? { host: redisUrl.hostname, port: Number(redisUrl.port || 6379), maxRetriesPerRequest: null }
        : { connectionString: config.databaseUrl, migrate: true };
    const factory = backend === 'postgres' ? mq.createPostgresBackend : undefined;
    const namespace = backend === 'redis' ? { prefix: config.namespace } : {};
    const jobOpts = config.variant === 'tuned' ? { removeOnComplete: true, removeOnFail: true } : {};
    const queue = new mq.Queue(QUEUE, { connection, ...namespace }, factory);
    let worker: BullWorker | undefined;
    let redis: RedisClient | undefined;
    return {
      async setup() {
        await queue.waitUntilReady();
      },
      async enqueueBulk(count) {
        const CHUNK = 1000;
        for (let i = 0; i < count; i += CHUNK) {
          const n = Math.min(CHUNK, count - i);
          await queue.addBulk(Array.from({ length: n }, () => ({ name: QUEUE, data: {}, opts: jobOpts })));
        }
      },
      async enqueueOne() {
        await queue.add(QUEUE, {}, jobOpts);
      },
      async startWorker(onJob) {
        worker = new mq.Worker(
          QUEUE,
          async () => onJob(),
          { connection, concurrency: config.concurrency, ...namespace },
          factory,
        );
        worker.on('error', (error) => console.error('bullmq:', error));
        await worker.waitUntilReady();
      },
      async remaining() {
        const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'paused');
        return Object.values(counts).reduce((sum, n) => sum + n, 0);
      },
      ...(backend === 'redis' && {
        async backendCommands() {
          if (!redis) {
            const Redis = loadPeer<{ Redis: RedisConstructor }>('ioredis').Redis;
            redis = new Redis(config.redisUrl);
          }
          const stats = await redis.info('stats');
          return Number(/total_commands_processed:(\d+)/.exec(stats)?.[1] ?? NaN);
        },
      }),
      async close() {
        await worker?.close();
        // Only the process that drained cleans up; the enqueuing one leaves the jobs.
        if (worker) await queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
        if (worker && backend === 'redis') {
          // obliterate leaves the queue's meta key: remove whatever is left under our prefix.
          const Redis = loadPeer<{ Redis: RedisConstructor }>('ioredis').Redis;
          redis ??= new Redis(config.redisUrl);
          const left = await redis.keys(`${config.namespace}:*`);
          if (left.length) await redis.del(...left);
        }
        await redis?.quit();
      },
    };
  };
}

export const bullmqRedis = bullmqOn('redis');
export const bullmqPostgres = bullmqOn('postgres');
