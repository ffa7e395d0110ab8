import { describe, expect, it } from 'vitest';
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
});
