import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { LRUCache } from 'lru-cache';

/** Clients remembered at once; past this the least recently failing one is forgotten first. */
const CLIENTS_MAX = 10_000;

/**
 * Counts failed sign-ins per client. Past `limit` failures within `windowMs`, the client is
 * blocked until the window ends: every credential it sends, right or wrong, gets 429 before it
 * is looked up, so a blocked client learns nothing about the secrets it tries. The table is a
 * bounded LRU: a flood of new addresses evicts the oldest entries instead of wiping every block.
 */
export class LoginLimiter {
  readonly #failures: LRUCache<string, { count: number }>;

  constructor(
    private readonly limit = 10,
    windowMs = 60_000,
  ) {
    // The window counts from the first failure: reads do not renew an entry, and a failure
    // counts up in place rather than setting the entry anew.
    this.#failures = new LRUCache({ max: CLIENTS_MAX, ttl: windowMs, ttlAutopurge: false });
  }

  blocked(client: string): boolean {
    return (this.#failures.get(client)?.count ?? 0) >= this.limit;
  }

  fail(client: string): void {
    const entry = this.#failures.get(client);
    if (entry) entry.count += 1;
    else this.#failures.set(client, { count: 1 });
  }

  /** Clients remembered now (for tests of the bound). */
  get size(): number {
    return this.#failures.size;
  }
}

/**
 * The caller's address. The socket's address, unless `trustProxy` says a reverse proxy in front
 * sets X-Forwarded-For: then its last entry (the one that proxy added). Without that setting the
 * header is ignored, as any client could set it to dodge the limit.
 */
export function clientKey(c: Context, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded.slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local'; // in-process requests (tests, app.request) have no socket
  }
}

/** Whether the client reached us over https: directly, or (with trustProxy) through a proxy that says so. */
export function cameOverHttps(c: Context, trustProxy = false): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
