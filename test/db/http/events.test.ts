import { describe, expect, it } from 'vitest';
import { openTestApi } from '../../support/http.js';

describe('API live events', () => {
  it('streams job and run changes as Server-Sent Events', async () => {
    const api = await openTestApi();
    expect((await api.call('GET', '/api/events', { role: null })).status).toBe(401);
    const response = await api.call('GET', '/api/events', { role: 'viewer' });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!/event: ready/.test(text)) text += decoder.decode((await reader.read()).value);
    const job = await api.deck.jobs.create({ title: 'Live', task: 'test.echo' });
    const run = await api.deck.runs.create(job.id);
    while (!/event: run\.queued/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    await reader.cancel();
    expect(text).toMatch(new RegExp(`event: job.created\\ndata: \\{"job_id":"${job.id}"\\}`));
    expect(text).toMatch(
      new RegExp(`event: run.queued\\ndata: \\{"queue":"default","run_id":${run.id},"job_id":"${job.id}"\\}`),
    );
  });
});
