import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/domain/errors.js';
import { createJobdeck, type JobdeckOptions } from '../../../src/service/jobdeck.js';
import type { JobDefinition } from '../../../src/service/job-definitions.js';
import { testTasks } from '../../support/deck.js';
import { onCleanup, useTestDatabase } from '../../support/fixtures.js';
import { openTestApi } from '../../support/http.js';

const nightly: JobDefinition = {
  key: 'nightly-import',
  task: 'test.echo',
  title: 'Nightly import',
  schedule: {
    type: 'crontab',
    minute: '0',
    hour: '3',
    day_of_month: '*',
    month_of_year: '*',
    day_of_week: '*',
    timezone: 'UTC',
  },
  args: { lines: ['a'] },
};

const ONLY_DECLARE = { worker: false, scheduler: false, maintenance: false, notifier: false } as const;

/** A process's life: open, start (which upserts the declared jobs), stop. */
async function restart(url: string, jobs: JobDefinition[], options: Partial<JobdeckOptions> = {}) {
  const deck = await createJobdeck({ database: url, tasks: testTasks, logger: false, jobs, ...options });
  await deck.start(ONLY_DECLARE);
  await deck.close();
}

async function openDeck(url: string) {
  const deck = await createJobdeck({ database: url, tasks: testTasks, logger: false });
  onCleanup(() => deck.close());
  return deck;
}

describe('jobs declared in code', () => {
  it('exist once after three restarts, and after three processes starting at once', async () => {
    const { url } = useTestDatabase();
    for (let i = 0; i < 3; i += 1) await restart(url, [nightly]);
    await Promise.all([restart(url, [nightly]), restart(url, [nightly]), restart(url, [nightly])]);
    const deck = await openDeck(url);
    const { items } = await deck.jobs.list();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      key: 'nightly-import',
      title: 'Nightly import',
      managedFields: ['title', 'task', 'args', 'schedule'],
    });
    expect(items[0]!.nextRunAt).not.toBeNull();
  });

  it('refuse changes to fields set by code (409 naming them); other fields stay the admins', async () => {
    const { deck, call } = await openTestApi({ jobs: [nightly] });
    await deck.start(ONLY_DECLARE);
    const job = await deck.jobs.getByKey('nightly-import');

    const refused = await call('PATCH', `/api/jobs/${job.id}`, {
      body: { schedule: { type: 'interval', seconds: 60 }, title: 'Renamed', notification_emails: ['a@example.com'] },
    });
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['schedule', 'title']);
    // Saving the form with the code's values, and changing what code leaves alone, is fine.
    const saved = await call('PATCH', `/api/jobs/${job.id}`, {
      body: { title: 'Nightly import', notification_emails: ['ops@example.com'], active: false },
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ key: 'nightly-import', managed_fields: expect.any(Array) });
    await expect(deck.jobs.update(job.id, { args: { lines: ['b'] } })).rejects.toBeInstanceOf(ConflictError);
  });

  it('code wins at the next start; a field dropped from code becomes the admins again', async () => {
    const { url } = useTestDatabase();
    await restart(url, [nightly]);
    const admin = await openDeck(url);
    const job = await admin.jobs.getByKey('nightly-import');
    await admin.jobs.update(job.id, { notificationEmails: ['ops@example.com'] });

    await restart(url, [{ ...nightly, args: { lines: ['b'] }, schedule: undefined }]);
    const after = await admin.jobs.get(job.id);
    expect(after).toMatchObject({
      args: { lines: ['b'] },
      notificationEmails: ['ops@example.com'],
      managedFields: ['title', 'task', 'args'],
    });
    // The schedule is no longer the code's: admins may change it.
    await admin.jobs.update(job.id, { schedule: { type: 'interval', seconds: 60 } });
  });
});

describe('jobs export and apply', () => {
  it('round-trips between two databases by key, without duplicates', async () => {
    const source = await openDeck(useTestDatabase().url);
    await source.jobs.create({ title: 'Weekly Report!', task: 'test.echo', args: { lines: ['x'] } });
    await source.jobs.create({ title: 'Weekly report', task: 'test.fail', notificationEmails: ['a@example.com'] });
    await source.jobDefinitions.declare([nightly]);

    const file = await source.jobDefinitions.exportFile();
    expect(file.jobs.map((job) => job.key).sort()).toEqual(['nightly-import', 'weekly-report', 'weekly-report-2']);
    // The keys given are kept: exporting again gives the same file.
    expect(await source.jobDefinitions.exportFile()).toEqual(file);

    const target = await openDeck(useTestDatabase().url);
    const first = await target.jobDefinitions.applyFile(JSON.parse(JSON.stringify(file)), { actor: 'test' });
    expect(first).toMatchObject({ created: expect.any(Array), updated: [], failed: [] });
    expect(first.created).toHaveLength(3);
    const second = await target.jobDefinitions.applyFile(file, { actor: 'test' });
    expect(second.updated).toHaveLength(3);
    const copied = await target.jobs.list();
    copied.items.sort((a, b) => a.key!.localeCompare(b.key!));
    expect(copied.total).toBe(3);
    expect(
      copied.items.map(({ key, title, task, args, notificationEmails, managedFields }) => ({
        key,
        title,
        task,
        args,
        notificationEmails,
        managedFields,
      })),
    ).toEqual([
      {
        key: 'nightly-import',
        title: 'Nightly import',
        task: 'test.echo',
        args: { lines: ['a'] },
        notificationEmails: [],
        managedFields: null,
      },
      {
        key: 'weekly-report',
        title: 'Weekly Report!',
        task: 'test.echo',
        args: { lines: ['x'] },
        notificationEmails: [],
        managedFields: null,
      },
      {
        key: 'weekly-report-2',
        title: 'Weekly report',
        task: 'test.fail',
        args: {},
        notificationEmails: ['a@example.com'],
        managedFields: null,
      },
    ]);
    expect((await target.jobs.getByKey('nightly-import')).schedule).toEqual(nightly.schedule);

    // Back into the source: updates, refusing nothing since the code's values are unchanged.
    const back = await source.jobDefinitions.applyFile(file, { actor: 'test' });
    expect(back).toMatchObject({ created: [], failed: [] });
    expect((await source.jobs.list()).total).toBe(3);
  });

  it('reports entries it cannot apply, with their fields, and applies the rest', async () => {
    const deck = await openDeck(useTestDatabase().url);
    const result = await deck.jobDefinitions.applyFile(
      {
        jobs: [
          { key: 'ok', title: 'OK', task: 'test.echo' },
          { key: 'bad', title: 'Bad', task: 'no.such.task' },
          { key: 'has space', title: 'X', task: 'test.echo' },
        ],
      },
      { actor: 'test' },
    );
    expect(result.created).toEqual(['ok']);
    expect(result.failed.map((f) => [f.key, f.errors[0]?.field])).toEqual([
      ['bad', 'task'],
      ['has space', 'jobs[2].key'],
    ]);
  });
});
