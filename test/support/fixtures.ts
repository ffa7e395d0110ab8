import { randomUUID } from 'node:crypto';
import { afterEach } from 'vitest';
import type { Job } from '../../src/domain/model.js';
import { PLAIN_DEFAULTS } from '../../src/domain/job-contract.js';
import { openStore } from '../../src/storage/open-store.js';
import type { NewRun, Store } from '../../src/storage/store.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh database for this test, removed after it. */
export function useTestDatabase(): TestDatabase {
  const database = createTestDatabase();
  cleanups.push(() => database.drop());
  return database;
}

/** A store over a fresh database; closed and removed after the test. */
export async function openTestStore(url = useTestDatabase().url): Promise<Store> {
  const store = await openStore(url);
  cleanups.push(() => store.close());
  return store;
}

/** Registers something to undo after the current test (runs before the database is dropped). */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(async () => fn());
}

export function jobFixture(overrides: Partial<Job> = {}): Job {
  const now = new Date();
  return {
    id: randomUUID(),
    title: 'Nightly import',
    description: 'Imports things',
    task: 'test.noop',
    defaultQueue: 'default',
    active: true,
    args: {},
    customArgs: null,
    schedule: null,
    nextRunAt: null,
    overlapPolicy: 'skip',
    misfirePolicy: 'once',
    notificationEmails: [],
    notificationStatuses: [],
    notificationWebhooks: [],
    notifyRunningLongerThan: null,
    historyAlerts: null,
    // The plain settings of the job contract (retries, timeout, owner…) at their defaults.
    ...PLAIN_DEFAULTS,
    key: null,
    managedFields: null,
    created: now,
    updated: now,
    ...overrides,
  };
}

export function newRun(jobId: string, overrides: Partial<NewRun> = {}): NewRun {
  return {
    jobId,
    task: 'test.noop',
    title: 'Manual run',
    queue: 'default',
    args: {},
    customArgs: null,
    since: null,
    startedBy: 'test',
    ...overrides,
  };
}

/** Resolves with the first event for which `predicate` is true, or rejects after `ms`. */
export function nextEvent<T>(
  subscribe: (listener: (value: T) => void) => () => void,
  predicate: (value: T) => boolean = () => true,
  ms = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no matching event within ${ms} ms`));
    }, ms);
    const unsubscribe = subscribe((value) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(value);
    });
  });
}
