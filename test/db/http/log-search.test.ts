import { describe, expect, it } from 'vitest';
import { openTestApi } from '../../support/http.js';

describe('searching logs over HTTP', () => {
  it('finds words across runs for a viewer, pages with the cursor, and refuses bad input with 400', async () => {
    const api = await openTestApi();
    const job = await api.deck.jobs.create({ title: 'Import', task: 'test.echo' });
    const [a, b] = [await api.deck.runs.create(job.id), await api.deck.runs.create(job.id)];
    const now = Date.now();
    await api.deck.store.logAppend(
      [a, b].flatMap((run, r) =>
        [1, 2, 3].map((seq) => ({
          runId: run.id,
          seq,
          time: new Date(now + r * 10 + seq),
          level: seq === 3 ? ('error' as const) : ('info' as const),
          message: seq === 2 ? `Needle found in run ${run.id}` : `hay ${seq}`,
          fields: null,
        })),
      ),
    );
    const found = await api.call('GET', '/api/logs?q=NEEDLE', { role: 'viewer' });
    expect(found.status).toBe(200);
    const body = await found.json();
    expect(body.hits.map((h: { run_id: number; seq: number }) => [h.run_id, h.seq])).toEqual([
      [b.id, 2],
      [a.id, 2],
    ]);
    expect(body.hits[0]).toMatchObject({ job_id: job.id, run_title: b.title, parent_run_id: null, level: 'info' });
    expect(body.next).toBeNull();

    // Pages of one, following links.next to the end; filters stay in the link.
    const seen = [];
    let next: string | undefined = `/api/logs?level=error&job=${job.id}&size=1`;
    while (next) {
      const page = await (await api.call('GET', next, { role: 'viewer' })).json();
      seen.push(...page.hits.map((h: { run_id: number }) => h.run_id));
      next = page.links.next ? new URL(page.links.next).pathname + new URL(page.links.next).search : undefined;
    }
    expect(seen).toEqual([b.id, a.id]);
    const family = await (await api.call('GET', `/api/logs?run=${a.id}&include_subruns=true`)).json();
    expect(family.hits).toHaveLength(3);

    for (const q of ['"', '*', '%', '\\', "'", '%_']) {
      const response = await api.call('GET', `/api/logs?q=${encodeURIComponent(q)}`, { role: 'viewer' });
      expect(response.status, q).toBe(400);
      expect((await response.json()).errors[0].field).toBe('q');
    }
    expect((await api.call('GET', '/api/logs?q=run%25_*"', { role: 'viewer' })).status).toBe(200);
    for (const bad of ['after=x.y', 'since=yesterday', 'until=2026-02-31', 'level=loud', 'size=0']) {
      expect((await api.call('GET', `/api/logs?${bad}`, { role: 'viewer' })).status, bad).toBe(400);
    }
    // Query fields are named bare, whether the schema or the service refuses them.
    for (const [query, field] of [
      ['level=loud', 'level'],
      ['since=yesterday', 'since'],
    ]) {
      const body = await (await api.call('GET', `/api/logs?${query}`, { role: 'viewer' })).json();
      expect(body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    const reversed = await api.call('GET', '/api/logs?since=2026-02-02T00:00:00Z&until=2026-02-01T00:00:00Z', {
      role: 'viewer',
    });
    expect(reversed.status).toBe(400);
    expect((await reversed.json()).errors).toEqual([{ field: 'until', messages: ['until must be after since.'] }]);
    expect((await api.call('GET', '/api/logs', { role: null })).status).toBe(401);
  });
});
