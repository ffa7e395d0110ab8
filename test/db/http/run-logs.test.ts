import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTask } from '../../../src/domain/task.js';
import { finished, startWorker, started, testTasks } from '../../support/deck.js';
import { openTestApi, type TestApi } from '../../support/http.js';

/** Opened by a test to let the gated task go on to its second half. */
let openGate: () => void = () => undefined;

const gatedTask = defineTask({
  id: 'logs.gated',
  title: 'Logs in two halves',
  description: 'Logs three lines, waits for the test, logs three more',
  args: z.object({}),
  async run(ctx) {
    for (const n of [1, 2, 3]) ctx.log.info(`line ${n}`);
    await new Promise<void>((resolve) => (openGate = resolve));
    for (const n of [4, 5, 6]) ctx.log.warn(`line ${n}`);
  },
});

interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

/** Reads Server-Sent Events from a response until `enough` says so, then disconnects. */
async function readEvents(response: Response, enough: (events: SseEvent[]) => boolean): Promise<SseEvent[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: SseEvent[] = [];
  let text = '';
  try {
    while (!enough(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
      let end: number;
      while ((end = text.indexOf('\n\n')) >= 0) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        const event: SseEvent = { event: 'message', data: '' };
        for (const line of block.split('\n')) {
          const [key, ...rest] = line.split(':');
          const value = rest.join(':').replace(/^ /, '');
          if (key === 'event') event.event = value;
          else if (key === 'id') event.id = value;
          else if (key === 'data') event.data += value;
        }
        if (block.trim() && !block.startsWith(':')) events.push(event);
      }
    }
  } finally {
    await reader.cancel();
  }
  return events;
}

async function apiWithLogTasks(): Promise<TestApi> {
  const api = await openTestApi({ tasks: [...testTasks, gatedTask] });
  return api;
}

describe('reading run logs over HTTP', () => {
  it('follows a run live and resumes after a reconnect from Last-Event-ID or after=', async () => {
    const api = await apiWithLogTasks();
    const worker = await startWorker(api.deck);
    const job = await api.deck.jobs.create({ title: 'Gated', task: 'logs.gated' });
    const run = await api.deck.runs.create(job.id);
    await started(worker, run.id);
    const path = `/api/jobs/${job.id}/runs/${run.id}/logs?follow=true`;

    const first = await api.call('GET', path, { role: 'viewer' });
    expect(first.headers.get('content-type')).toContain('text/event-stream');
    const before = await readEvents(first as Response, (events) => events.length >= 3);
    expect(before.map((e) => [e.event, e.id])).toEqual([
      ['log', '1'],
      ['log', '2'],
      ['log', '3'],
    ]);
    // Disconnected; the run goes on and ends while nobody listens.
    openGate();
    await finished(worker, run.id);

    const resumed = await api.call('GET', path, { role: 'viewer', headers: { 'last-event-id': '3' } });
    const after = await readEvents(resumed as Response, (events) => events.some((e) => e.event === 'end'));
    expect(after.map((e) => e.id ?? e.event)).toEqual(['4', '5', '6', 'end']);
    expect(JSON.parse(after[0]!.data)).toMatchObject({ seq: 4, level: 'warn', message: 'line 4' });
    expect(JSON.parse(after[3]!.data)).toEqual({ status: 'SUCCESS' });

    const byCursor = await api.call('GET', `${path}&after=5&level=warn`, { role: 'viewer' });
    const tail = await readEvents(byCursor as Response, (events) => events.some((e) => e.event === 'end'));
    expect(tail.map((e) => e.id ?? e.event)).toEqual(['6', 'end']);
  });

  it('pages through a long log with a cursor, and filters by level and text', async () => {
    const api = await apiWithLogTasks();
    const worker = await startWorker(api.deck);
    const lines = Array.from({ length: 2600 }, (_, i) => `record ${i + 1}${i % 1000 === 0 ? ' needle' : ''}`);
    const job = await api.deck.jobs.create({ title: 'Echo', task: 'test.echo' });
    const run = await api.deck.runs.create(job.id, { args: { lines } });
    await finished(worker, run.id);
    const seen: number[] = [];
    let next = `/api/jobs/${job.id}/runs/${run.id}/logs?size=1000`;
    for (;;) {
      const page = await (await api.call('GET', next, { role: 'viewer' })).json();
      if (page.hits.hits.length === 0) break;
      seen.push(...page.hits.hits.map((l: { seq: number }) => l.seq));
      const url = new URL(page.links.next);
      next = url.pathname + url.search;
    }
    expect(seen).toEqual(Array.from({ length: 2600 }, (_, i) => i + 1));
    const found = await (
      await api.call('GET', `/api/jobs/${job.id}/runs/${run.id}/logs?q=NEEDLE&level=info`, { role: 'viewer' })
    ).json();
    expect(found.hits.hits.map((l: { seq: number }) => l.seq)).toEqual([1, 1001, 2001]);
  });

  it('downloads the whole log as text or NDJSON, streamed as an attachment', async () => {
    const api = await apiWithLogTasks();
    const worker = await startWorker(api.deck);
    const lines = Array.from({ length: 2500 }, (_, i) => `record ${i + 1}`);
    const job = await api.deck.jobs.create({ title: 'Echo', task: 'test.echo' });
    const run = await api.deck.runs.create(job.id, { args: { lines } });
    await finished(worker, run.id);

    const text = await api.call('GET', `/api/jobs/${job.id}/runs/${run.id}/logs/download`, { role: 'viewer' });
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text.headers.get('content-disposition')).toBe(`attachment; filename="run-${run.id}-log.txt"`);
    const textLines = (await text.text()).trimEnd().split('\n');
    expect(textLines).toHaveLength(2500);
    expect(textLines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO {2}record 1 \{"i":0\}$/);
    expect(textLines[2499]).toContain('record 2500');

    const ndjson = await api.call('GET', `/api/runs/${run.id}/logs/download?format=ndjson&after=2000`, {
      role: 'viewer',
    });
    expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(ndjson.headers.get('content-disposition')).toBe(`attachment; filename="run-${run.id}-log.ndjson"`);
    const records = (await ndjson.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { seq: number; level: string; message: string; fields: unknown });
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 500 }, (_, i) => 2001 + i));
    expect(records[0]).toMatchObject({ level: 'info', message: 'record 2001', fields: { i: 2000 } });

    const none = await api.call('GET', `/api/runs/${run.id}/logs/download?level=error`, { role: 'viewer' });
    expect(await none.text()).toBe('');
    const bad = await api.call('GET', `/api/runs/${run.id}/logs/download?format=xml`, { role: 'viewer' });
    expect(bad.status).toBe(400);
    const missing = await api.call('GET', `/api/runs/${run.id + 1000}/logs/download`, { role: 'viewer' });
    expect(missing.status).toBe(404);
    const anonymous = await api.call('GET', `/api/runs/${run.id}/logs/download`, { role: null });
    expect(anonymous.status).toBe(401);
  });
});
