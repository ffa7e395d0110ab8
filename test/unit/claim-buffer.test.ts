import { describe, expect, it } from 'vitest';
import { ClaimBuffer } from '../../src/engine/claim-buffer.js';
import { silentLogger } from '../../src/engine/silent-logger.js';
import type { Run } from '../../src/domain/model.js';
import type { ClaimRequest, Store } from '../../src/storage/store.js';

interface PendingClaim {
  limit: number;
  /** Asked with the look-ahead (runClaimLookingAhead). */
  ahead: boolean;
  answer(count: number): void;
}

/** A store whose claims wait until the test answers them with `count` runs. */
function fakeStore() {
  const claims: PendingClaim[] = [];
  let nextId = 1;
  let next: Date | undefined;
  const claim = (request: ClaimRequest, ahead: boolean) =>
    new Promise<{ runs: Run[]; next: Date | undefined }>((resolve) => {
      claims.push({
        limit: request.limit,
        ahead,
        answer: (count) =>
          resolve({
            runs: Array.from({ length: count }, () => ({ id: nextId++ }) as Run),
            next: count < request.limit ? next : undefined,
          }),
      });
    });
  const store = {
    runClaim: async (request: ClaimRequest) => (await claim(request, false)).runs,
    runClaimLookingAhead: (request: ClaimRequest) => claim(request, true),
    runsRelease: (ids: number[]) => Promise.resolve(ids),
  } as unknown as Store;
  return {
    store,
    claims,
    lookAheads: () => claims.filter((c) => c.ahead).length,
    delayUntil: (at: Date) => (next = at),
  };
}

/** A buffer whose host never starts a run (the test takes them), with 2 slots and 2 prefetched. */
function buffer(store: Store) {
  const claimed: number[] = [];
  const claims = new ClaimBuffer(
    store,
    {
      queues: ['default'],
      concurrency: 2,
      workerId: 'w',
      prefetch: 2,
      ttlMs: 60_000,
      pollIntervalMs: 30_000,
      logger: silentLogger,
    },
    {
      executing: () => 0,
      holds: () => false,
      claimed: (count) => claimed.push(count),
      released: () => undefined,
      report: (error) => {
        throw error;
      },
    },
  );
  claims.start();
  return { claims, claimed };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ClaimBuffer', () => {
  it('does not claim again after a claim that found fewer runs than it wanted, until woken', async () => {
    const fake = fakeStore();
    const { claims, claimed } = buffer(fake.store);
    claims.wake();
    expect(fake.claims).toHaveLength(1);
    fake.claims[0]!.answer(1);
    await settle();
    expect(claimed).toEqual([1]);
    // The claim also asked for the next delayed run (there is none).
    expect(fake.lookAheads()).toBe(1);
    claims.take();
    // A run's end: the queue was empty when the last claim ran, nothing was enqueued since.
    claims.claim();
    claims.claim();
    expect(fake.claims).toHaveLength(1);
    // An enqueue (or the poll tick) wakes it.
    claims.wake();
    expect(fake.claims).toHaveLength(2);
    fake.claims[1]!.answer(0);
    await settle();
    await claims.stop();
  });

  it('claims again when woken while a claim is in flight, even if that claim comes back short', async () => {
    const fake = fakeStore();
    const { claims } = buffer(fake.store);
    claims.wake();
    claims.claim();
    // The enqueue may have committed after the claim's snapshot: its notice must cause a round.
    claims.wake();
    fake.claims[0]!.answer(0);
    await settle();
    expect(fake.claims).toHaveLength(2);
    fake.claims[1]!.answer(0);
    await settle();
    expect(fake.claims).toHaveLength(2);
    claims.claim();
    expect(fake.claims).toHaveLength(2);
    await claims.stop();
  });

  it('keeps claiming while claims come back full', async () => {
    const fake = fakeStore();
    const { claims } = buffer(fake.store);
    claims.wake();
    fake.claims[0]!.answer(fake.claims[0]!.limit);
    await settle();
    // Full: a run's end may find more.
    claims.take();
    claims.take();
    claims.take();
    claims.claim();
    expect(fake.claims).toHaveLength(2);
    // Asked once since the wake: the full claim did not use it up.
    expect(fake.claims.map((c) => c.ahead)).toEqual([true, true]);
    fake.claims[1]!.answer(0);
    await settle();
    claims.claim();
    expect(fake.claims).toHaveLength(2);
    await claims.stop();
  });

  it('arms a wake for the next delayed run after a short claim that found some runs', async () => {
    const fake = fakeStore();
    const { claims } = buffer(fake.store);
    fake.delayUntil(new Date(Date.now() + 30));
    claims.wake();
    fake.claims[0]!.answer(1);
    await settle();
    claims.take();
    claims.claim();
    expect(fake.claims).toHaveLength(1);
    // The delayed run becomes due: the buffer wakes itself and claims.
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(fake.claims).toHaveLength(2);
    fake.claims[1]!.answer(0);
    await settle();
    await claims.stop();
  });
});
