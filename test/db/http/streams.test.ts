import { describe, expect, it } from 'vitest';
import type { AppOptions } from '../../../src/http/app.js';
import { startServer } from '../../../src/http/server.js';
import type { LogQuery } from '../../../src/storage/store.js';
import { onCleanup } from '../../support/fixtures.js';
import { openTestApi } from '../../support/http.js';

/** The test API's deck and tokens behind a real HTTP server. */
async function openServer(options: AppOptions = {}) {
  const api = await openTestApi();
  const server = await startServer(api.deck, 0, '127.0.0.1', { adminUi: false, ...options });
  onCleanup(() => server.close());
  return { ...api, url: server.url };
}

/** An open event stream: its status, and a reader that waits for a text or the stream's end. */
async function openStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  onCleanup(() => controller.abort());
  const response = await fetch(url, { headers, signal: controller.signal });
  let text = '';
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  return {
    status: response.status,
    text: () => text,
    close: () => controller.abort(),
    /** Reads until `needle` arrived (true) or the server closed the stream (false). */
    async until(needle?: string): Promise<boolean> {
      for (;;) {
        if (needle && text.includes(needle)) return true;
        const { done, value } = await reader.read();
        if (done) return false;
        text += decoder.decode(value, { stream: true });
      }
    },
  };
}

describe('event streams', () => {
  it('closes an open stream once its token is revoked, within the re-check interval', async () => {
    const api = await openServer({ streams: { recheckMs: 200 } });
    const token = (await api.deck.tokens.create({ name: 'watcher', role: 'viewer' })).secret;
    const events = await openStream(`${api.url}/api/events`, { authorization: `Bearer ${token}` });
    expect(events.status).toBe(200);
    expect(await events.until('event: ready')).toBe(true);
    const [watcher] = (await api.deck.tokens.list()).filter((t) => t.name === 'watcher');
    await api.deck.tokens.revoke(watcher!.id);
    const revokedAt = Date.now();
    expect(await events.until()).toBe(false); // the server ended it
    expect(events.text()).toMatch(
      /event: error\ndata: \{"status":401,"message":"The credential of this stream was revoked/,
    );
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
  });

  it("closes a log follow stream once the cookie's session is signed out", async () => {
    const api = await openServer({ streams: { recheckMs: 200 } });
    const job = await api.deck.jobs.create({ title: 'Follow', task: 'test.echo' });
    const run = await api.deck.runs.create(job.id); // no worker: stays queued, the stream stays open
    const signIn = await fetch(`${api.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: api.tokens.viewer }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const follow = await openStream(`${api.url}/api/jobs/${job.id}/runs/${run.id}/logs?follow=true`, { cookie });
    expect(follow.status).toBe(200);
    await api.deck.store.logAppend([
      { runId: run.id, seq: 1, time: new Date(), level: 'info', message: 'hello', fields: null },
    ]);
    expect(await follow.until('hello')).toBe(true);
    await fetch(`${api.url}/api/session`, { method: 'DELETE', headers: { cookie } });
    expect(await follow.until()).toBe(false);
    expect(follow.text()).toContain('event: error');
  });

  it('answers 429 past the open streams allowed per credential', async () => {
    const api = await openServer({ streams: { maxPerCredential: 2 } });
    const auth = { authorization: `Bearer ${api.tokens.operator}` };
    const first = await openStream(`${api.url}/api/events`, auth);
    const second = await openStream(`${api.url}/api/events`, auth);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await fetch(`${api.url}/api/events`, { headers: auth });
    expect(third.status).toBe(429);
    expect(((await third.json()) as { message: string }).message).toMatch(
      /Too many open event streams for this credential \(limit 2\)/,
    );
    // Another credential has its own allowance.
    const other = await openStream(`${api.url}/api/events`, { authorization: `Bearer ${api.tokens.viewer}` });
    expect(other.status).toBe(200);
  });
});

describe('log follow with a filter that matches nothing', () => {
  it('moves its cursor over the lines it scanned instead of reading them again each poll', async () => {
    const api = await openServer();
    const job = await api.deck.jobs.create({ title: 'Quiet', task: 'test.echo' });
    const run = await api.deck.runs.create(job.id); // queued: the stream polls until stopped
    const line = (seq: number, message = `line ${seq}`) => ({
      runId: run.id,
      seq,
      time: new Date(),
      level: 'info' as const,
      message,
      fields: null,
    });
    await api.deck.store.logAppend(Array.from({ length: 1000 }, (_, i) => line(i + 1)));

    // The real store, with its log reads recorded.
    const store = api.deck.store;
    const scans: LogQuery[] = [];
    let polls = 0;
    const waiters: (() => void)[] = [];
    const logList = store.logList.bind(store);
    const logMaxSeq = store.logMaxSeq.bind(store);
    store.logList = (runId, query) => {
      if (runId === run.id) scans.push(query);
      return logList(runId, query);
    };
    store.logMaxSeq = async (runId) => {
      const seq = await logMaxSeq(runId);
      if (runId === run.id) {
        polls += 1;
        waiters.splice(0).forEach((wake) => wake());
      }
      return seq;
    };
    onCleanup(() => {
      store.logList = logList;
      store.logMaxSeq = logMaxSeq;
    });
    const afterPolls = async (n: number) => {
      const target = polls + n;
      while (polls < target) await new Promise<void>((resolve) => waiters.push(resolve));
    };

    const follow = await openStream(`${api.url}/api/jobs/${job.id}/runs/${run.id}/logs?follow=true&q=needle`, {
      authorization: `Bearer ${api.tokens.viewer}`,
    });
    expect(follow.status).toBe(200);
    await afterPolls(3);
    // One scan of the 1000 lines; the polls after it found nothing new and read no line.
    expect(scans.map((q) => [q.after, q.through])).toEqual([[0, 1000]]);

    await api.deck.store.logAppend([line(1001), line(1002)]);
    await afterPolls(2);
    expect(scans.map((q) => [q.after, q.through])).toEqual([
      [0, 1000],
      [1000, 1002],
    ]);

    await api.deck.store.logAppend([line(1003, 'the needle')]);
    expect(await follow.until('the needle')).toBe(true);
    expect(scans.at(-1)).toMatchObject({ after: 1002, through: 1003 });
    follow.close();
  });
});
