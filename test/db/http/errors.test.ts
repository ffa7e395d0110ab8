import { describe, expect, it } from 'vitest';
import { openTestApi } from '../../support/http.js';

describe('API errors', () => {
  it('gives {status, message, errors} for bad input, never a 500', async () => {
    const api = await openTestApi();
    const malformed = await api.call('POST', '/api/jobs', { body: '{"title": ' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ status: 400, message: expect.any(String) });

    const unknown = await api.call('POST', '/api/jobs', { body: { title: 'x', task: 'test.echo', colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors).toEqual([{ field: 'colour', messages: ['Unknown field.'] }]);

    // Shapes and limits (the job contract) are checked first, then what needs the task and queues.
    const badTitle = await api.call('POST', '/api/jobs', { body: { title: ' ', task: 'nope' } });
    expect(badTitle.status).toBe(400);
    expect((await badTitle.json()).errors).toEqual([{ field: 'title', messages: ['A title is required.'] }]);
    const badTask = await api.call('POST', '/api/jobs', { body: { title: 'x', task: 'nope', default_queue: 'fast' } });
    const body = await badTask.json();
    expect(badTask.status).toBe(400);
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['queue', 'task']);

    const badSchedule = await api.call('POST', '/api/jobs', {
      body: { title: 't', task: 'test.echo', schedule: { type: 'crontab', hour: '24', timezone: 'Mars/Base' } },
    });
    expect((await badSchedule.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'schedule.hour',
      'schedule.timezone',
    ]);

    const notify = await api.call('POST', '/api/jobs', {
      body: {
        title: 't',
        task: 'test.echo',
        notification_emails: ['ops@example.org', 'nope'],
        notification_statuses: ['FAILED', 'RUNNING'],
      },
    });
    expect((await notify.json()).errors).toEqual([
      { field: 'notification_emails', messages: ['Not e-mail addresses: nope.'] },
      { field: 'notification_statuses', messages: [expect.stringMatching(/^Not final run statuses: RUNNING/)] },
    ]);
    const notified = await api.call('POST', '/api/jobs', {
      body: {
        title: 't',
        task: 'test.echo',
        notification_emails: ['ops@example.org'],
        notification_statuses: ['failed'],
      },
    });
    expect(await notified.json()).toMatchObject({
      notification_emails: ['ops@example.org'],
      notification_statuses: ['FAILED'],
    });

    const missing = await api.call('GET', '/api/jobs/does-not-exist');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ status: 404, message: 'Job with ID does-not-exist does not exist.' });

    const huge = await api.call('POST', '/api/jobs', { body: { title: 'x'.repeat(1_100_000), task: 'test.echo' } });
    expect(huge.status).toBe(413);
    expect((await api.call('GET', '/api/nothing-here')).status).toBe(404);
    expect((await api.call('GET', '/api/runs?status=BOGUS')).status).toBe(400);
    expect((await api.call('GET', '/api/jobs?size=1000')).status).toBe(400);
  });

  it('ignores read-only fields so a GET body can be PUT back, and clears custom args', async () => {
    const api = await openTestApi();
    const created = await (
      await api.call('POST', '/api/jobs', {
        body: { title: 'Round trip', task: 'test.echo', custom_args: '{"lines": ["a"]}', owner: ' ops@x.org ' },
      })
    ).json();
    expect(created).toMatchObject({ custom_args: { lines: ['a'] }, owner: 'ops@x.org' });
    const put = await api.call('PUT', `/api/jobs/${created.id}`, { body: { ...created, title: 'Round trip 2' } });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ title: 'Round trip 2', owner: 'ops@x.org' });
    const cleared = await (await api.call('PATCH', `/api/jobs/${created.id}`, { body: { custom_args: null } })).json();
    expect(cleared.custom_args).toBeNull();
    const badJson = await api.call('PATCH', `/api/jobs/${created.id}`, { body: { custom_args: '{"a": }' } });
    expect((await badJson.json()).errors[0]).toMatchObject({
      field: 'custom_args',
      messages: [expect.stringMatching(/line 1, column 7/)],
    });
  });

  it('refuses to stop a finished run (409) and to delete a job with an active run (409)', async () => {
    const api = await openTestApi();
    const job = await api.deck.jobs.create({ title: 'Busy', task: 'test.echo' });
    const run = await api.deck.runs.create(job.id);
    const conflict = await api.call('DELETE', `/api/jobs/${job.id}`);
    expect(conflict.status).toBe(409);
    await api.deck.runs.stop(run.id);
    const again = await api.call('POST', `/api/jobs/${job.id}/runs/${run.id}/actions/stop`);
    expect(again.status).toBe(409);
    expect((await again.json()).message).toMatch(/already finished \(CANCELLED\)/);
    expect((await api.call('GET', `/api/jobs/${job.id}/runs/99999`)).status).toBe(404);
  });
});
