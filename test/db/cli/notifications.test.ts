import { describe, expect, it } from 'vitest';
import type { JobWire, RunWire } from '../../../src/wire/wire.js';
import { cli, cliJson } from '../../support/cli.js';
import { openTestStore, useTestDatabase } from '../../support/fixtures.js';

describe('jobdeck notification flags', () => {
  it('sets webhooks (secret write-only, kept on update) and the running-longer-than threshold; lists deliveries', async () => {
    const { url } = useTestDatabase();
    const store = await openTestStore(url);
    const hook = 'http://127.0.0.1:9/hook';
    const created = await cli(
      [
        'jobs',
        'create',
        '--title',
        'Hooked',
        '--task',
        'demo.wait',
        '--notify-statuses',
        'FAILED',
        '--notify-webhook',
        hook,
        '--notify-webhook-secret',
        'hush-hush-42',
        '--notify-running-longer-than',
        '90',
        '--json',
      ],
      url,
    );
    expect(created.code).toBe(0);
    expect(created.stdout).not.toContain('hush-hush-42');
    const job = JSON.parse(created.stdout) as JobWire;
    expect(job.notification_webhooks).toEqual([{ url: hook, secret: 'set' }]);
    expect(job.notify_running_longer_than).toBe(90);

    // Naming the webhook again without a secret keeps the stored one; 0 clears the threshold.
    const updated = await cliJson<JobWire>(
      ['jobs', 'update', job.id, '--notify-webhook', hook, '--notify-running-longer-than', '0'],
      url,
    );
    expect(updated.notify_running_longer_than).toBeNull();
    expect((await store.jobGet(job.id))!.notificationWebhooks).toEqual([{ url: hook, secret: 'hush-hush-42' }]);

    const bad = await cli(['jobs', 'update', job.id, '--notify-webhook', 'not a url'], url);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/notification_webhooks: .*http\(s\) URL/);

    const run = await cliJson<RunWire>(['jobs', 'run', job.id], url);
    expect(await cliJson<unknown[]>(['runs', 'notifications', String(run.id)], url)).toEqual([]);
    // Each command is a process of its own: generous time on a loaded machine.
  }, 120_000);
});
