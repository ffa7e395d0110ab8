import { describe, expect, it } from 'vitest';
import { startWorker } from '../../support/deck.js';
import { openTestApi } from '../../support/http.js';

describe('limits', () => {
  it('refuses a run title over 250 characters with a field error, like a job title', async () => {
    const api = await openTestApi();
    const job = await api.deck.jobs.create({ title: 'Titled', task: 'test.echo' });
    const long = await api.call('POST', `/api/jobs/${job.id}/runs`, { body: { title: 'x'.repeat(251) } });
    expect(long.status).toBe(400);
    expect((await long.json()).errors).toEqual([{ field: 'title', messages: [expect.stringMatching(/250/)] }]);
    const fits = await api.call('POST', `/api/jobs/${job.id}/runs`, { body: { title: 'x'.repeat(250) } });
    expect(fits.status).toBe(201);
    await expect(api.deck.runs.create(job.id, { title: 'y'.repeat(251) })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it("keeps a failed run's stack trace out of its message and shows it to admins only", async () => {
    const api = await openTestApi();
    const job = await api.deck.jobs.create({ title: 'Failing', task: 'test.fail' });
    await startWorker(api.deck);
    const run = await api.deck.runs.create(job.id);
    await api.deck.runs.waitForEnd(run.id);
    const path = `/api/runs/${run.id}`;
    const asViewer = await (await api.call('GET', path, { role: 'viewer' })).json();
    expect(asViewer).toMatchObject({ status: 'FAILED', message: 'TypeError: boom' });
    expect(asViewer).not.toHaveProperty('error_stack');
    expect(
      JSON.stringify(await (await api.call('GET', `/api/jobs/${job.id}/runs`, { role: 'operator' })).json()),
    ).not.toMatch(/\bat .*\.ts:\d+/);
    const asAdmin = await (await api.call('GET', path)).json();
    expect(asAdmin.message).toBe('TypeError: boom');
    expect(asAdmin.error_stack).toMatch(/^TypeError: boom\n\s+at /);
  });
});
