import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.js';
import { openTestDeck } from '../../support/deck.js';

describe('GET /api/jobs/{id}/skipped-slots', () => {
  it('lists the slots that made no run, newest first, with the reason', async () => {
    const T0 = Date.parse('2026-06-01T00:00:00.000Z');
    const clock = { now: T0 };
    const deck = await openTestDeck({ clock: () => clock.now });
    const app = createApp(deck, { adminUi: false });
    const { secret } = await deck.tokens.create({ name: 'viewer', role: 'viewer' });
    const call = (path: string) =>
      app.request(`http://localhost/api${path}`, { headers: { authorization: `Bearer ${secret}` } });

    const job = await deck.jobs.create({
      title: 'Overlap',
      task: 'test.echo',
      schedule: { type: 'interval', seconds: 10 },
    });
    await deck.runs.create(job.id); // stays queued: no worker, so the slot at +10 s overlaps
    clock.now = T0 + 10_000;
    await deck.createScheduler().fireDue();

    const response = await call(`/jobs/${job.id}/skipped-slots?size=10`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { hits: { total: number; hits: unknown[] } };
    expect(body.hits.total).toBe(1);
    expect(body.hits.hits).toEqual([
      {
        scheduled_for: new Date(T0 + 10_000).toISOString(),
        reason: expect.stringMatching(/^overlap/),
        created: expect.any(String),
      },
    ]);
    expect((await call('/jobs/nope/skipped-slots')).status).toBe(404);

    const doc = (await (await app.request('http://localhost/api/openapi.json')).json()) as { paths: object };
    expect(Object.keys(doc.paths)).toContain('/jobs/{id}/skipped-slots');
  });
});
