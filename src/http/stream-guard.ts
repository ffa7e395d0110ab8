import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { AppEnv } from './route-support.js';
import { errorResponse } from './errors.js';

/** Limits of long-lived event streams (documented in docs/security.md, "Limits"). */
export interface StreamPolicy {
  /** Event streams (events, log follow) open at once per credential; more get 429. Default 10. */
  maxPerCredential: number;
  /** How often an open stream checks that its credential still lets the caller in. Default 30 s. */
  recheckMs: number;
}

const DEFAULT_STREAM_POLICY: StreamPolicy = { maxPerCredential: 10, recheckMs: 30_000 };

/** A stream's body gets this: the stream, and a sleep that ends early when the stream closes. */
export interface GuardedStream {
  stream: SSEStreamingApi;
  sleep(ms: number): Promise<void>;
}

/**
 * Opens Server-Sent Events streams within the policy: a credential past its number of open
 * streams gets 429; an open stream re-checks its credential every `recheckMs` and, once it is
 * revoked or expired, sends an `error` event and closes.
 */
export class StreamGuard {
  readonly policy: StreamPolicy;
  readonly #open = new Map<string, number>();

  constructor(policy: Partial<StreamPolicy> = {}) {
    this.policy = { ...DEFAULT_STREAM_POLICY, ...policy };
  }

  /** Streams open now for a credential key (for tests). */
  openFor(key: string): number {
    return this.#open.get(key) ?? 0;
  }

  open(c: Context<AppEnv>, body: (guarded: GuardedStream) => Promise<void>): Response {
    const credential = c.get('credential');
    const open = this.openFor(credential.key);
    if (open >= this.policy.maxPerCredential) {
      return errorResponse(
        c,
        429,
        `Too many open event streams for this credential (limit ${this.policy.maxPerCredential}); close one first.`,
      );
    }
    this.#open.set(credential.key, open + 1);
    const release = () => {
      const left = (this.#open.get(credential.key) ?? 1) - 1;
      if (left > 0) this.#open.set(credential.key, left);
      else this.#open.delete(credential.key);
    };
    return streamSSE(c, async (stream) => {
      const sleepers = new Set<() => void>();
      stream.onAbort(() => sleepers.forEach((wake) => wake()));
      const sleep = (ms: number) =>
        new Promise<void>((resolve) => {
          if (stream.aborted) return resolve();
          const wake = () => {
            clearTimeout(timer);
            sleepers.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, ms);
          sleepers.add(wake);
        });
      let checking = false;
      const recheck = setInterval(() => {
        if (checking || stream.aborted) return;
        checking = true;
        void credential
          .check()
          .catch(() => true) // a database hiccup is not a revocation; the next check decides
          .then(async (valid) => {
            if (valid || stream.aborted) return;
            await stream.writeSSE({
              event: 'error',
              data: JSON.stringify({ status: 401, message: 'The credential of this stream was revoked or expired.' }),
            });
            stream.abort();
          })
          .finally(() => {
            checking = false;
          });
      }, this.policy.recheckMs);
      try {
        await body({ stream, sleep });
      } catch (error) {
        // Once the client is gone (or the server is closing) there is no one to tell.
        if (!stream.aborted) throw error;
      } finally {
        clearInterval(recheck);
        release();
      }
    }) as never;
  }
}
