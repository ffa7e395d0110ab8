import http from 'node:http';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartialSuccessError } from '../../src/domain/errors.js';
import type { RunProgress } from '../../src/domain/model.js';
import type { AnyTask, LogFields, TaskContext } from '../../src/domain/task.js';
import { OutboundPolicy } from '../../src/engine/outbound-policy.js';
import { builtinTasks, demoTasks, httpRequestTask, importVocabularyTask, waitTask } from '../../src/tasks/index.js';

/** A task context that records what the task logs and reports. */
function context(options: { signal?: AbortSignal; since?: Date } = {}) {
  const lines: { level: string; message: string; fields: LogFields | undefined }[] = [];
  const progress: Partial<RunProgress>[] = [];
  const log = (level: string) => (message: string, fields?: LogFields) => void lines.push({ level, message, fields });
  const ctx: TaskContext = {
    since: options.since ?? null,
    signal: options.signal ?? new AbortController().signal,
    log: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), drain: async () => {} },
    progress: (counters) => void progress.push(counters),
    warn: log('warn'),
    job: {} as never,
    run: {} as never,
    // The test server listens on loopback, which the outbound policy allows only when told to.
    outbound: new OutboundPolicy(['127.0.0.1']),
    subRuns: { create: async (items) => items.length },
  };
  return { ctx, lines, progress };
}

const run = async (task: AnyTask, ctx: TaskContext, args: unknown) => task.run(ctx, task.args.parse(args) as never);

it('registers the tasks', () => {
  expect(builtinTasks.map((t) => t.id)).toEqual(['http.request']);
  expect(demoTasks.map((t) => t.id)).toEqual(['demo.wait', 'demo.import-vocabulary', 'demo.fan-out']);
});

describe('http.request', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/hang') return; // never answers
      if (req.url === '/missing') return void res.writeHead(404).end('not here');
      if (req.url === '/broken') return void res.writeHead(500).end('database on fire');
      if (req.url === '/big') return void res.writeHead(200).end('x'.repeat(5000));
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const answer = `${req.method} ${req.headers['content-type'] ?? ''} ${body}`;
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(answer) }).end(answer);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('records status and a response excerpt', async () => {
    const { ctx, lines } = context();
    const result = await run(httpRequestTask, ctx, { url: `${base}/ok` });
    expect(result).toMatchObject({
      status: 200,
      status_text: 'OK',
      body_excerpt: 'GET  ',
      body_truncated: false,
      headers: { 'content-type': 'text/plain', 'content-length': '5' },
    });
    expect(lines.map((l) => [l.level, l.message])).toEqual([
      ['info', `GET ${base}/ok`],
      ['info', expect.stringMatching(/^200 OK in \d+ ms$/)],
    ]);
  });

  it('sends JSON bodies as JSON unless told otherwise', async () => {
    const json = await run(httpRequestTask, context().ctx, { method: 'POST', url: `${base}/ok`, body: { a: 1 } });
    expect(json).toMatchObject({ body_excerpt: 'POST application/json {"a":1}' });
    const text = await run(httpRequestTask, context().ctx, {
      method: 'PUT',
      url: `${base}/ok`,
      headers: { 'content-type': 'text/csv' },
      body: [1, 2],
    });
    expect(text).toMatchObject({ body_excerpt: 'PUT text/csv [1,2]' });
  });

  it('keeps only the start of a long body', async () => {
    const result = await run(httpRequestTask, context().ctx, { url: `${base}/big` });
    expect(result).toMatchObject({ body_truncated: true, body_excerpt: 'x'.repeat(2000) });
  });

  it('fails on an unexpected status and accepts an expected one', async () => {
    await expect(run(httpRequestTask, context().ctx, { url: `${base}/broken` })).rejects.toThrow(
      /Unexpected status 500 .*expected any 2xx.*database on fire/,
    );
    const result = await run(httpRequestTask, context().ctx, { url: `${base}/missing`, expected_status: [404] });
    expect(result).toMatchObject({ status: 404, body_excerpt: 'not here' });
  });

  it('times out', async () => {
    await expect(run(httpRequestTask, context().ctx, { url: `${base}/hang`, timeout_seconds: 0.2 })).rejects.toThrow(
      'Request timed out after 0.2 s',
    );
  });

  it('rethrows the abort when its signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stopped by admin')), 50);
    await expect(
      run(httpRequestTask, context({ signal: controller.signal }).ctx, { url: `${base}/hang` }),
    ).rejects.toThrow('stopped by admin');
  });

  it('refuses a URL that is not http(s)', () => {
    for (const url of ['ftp://example.org', 'not a url', 'example.org']) {
      const parsed = httpRequestTask.args.safeParse({ url });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/http:\/\/ or https:\/\//);
    }
  });
});

describe('demo.wait', () => {
  it('logs once a second and reports progress', async () => {
    const { ctx, lines, progress } = context();
    expect(await run(waitTask, ctx, { seconds: 0.3 })).toEqual({ waited_seconds: 0.3 });
    expect(lines).toEqual([
      { level: 'info', message: 'Waited 0.3 of 0.3 seconds', fields: { elapsed: 0.3, total: 0.3 } },
    ]);
    expect(progress).toEqual([
      { total: 1, inserted: 0 },
      { total: 1, inserted: 1 },
    ]);
  });

  it('stops at once when its signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('stop')), 100);
    await expect(run(waitTask, context({ signal: controller.signal }).ctx, { seconds: 30 })).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(500);
  });
});

/*
 * The bundled sample: 300 records, 18 invalid (3 each of empty name, missing name, bad country,
 * unreadable modified, non-URL website, duplicate id), so 282 valid. From 2026-01-01 on, 136
 * records have a later date; the 2 earlier "yesterday" ones stay in scope, 10 of the 138 are invalid.
 */
describe('demo.import-vocabulary', () => {
  let dir: string;
  beforeAll(async () => void (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobdeck-vocabulary-'))));
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  async function importing(storePath: string, since?: Date) {
    const context_ = context(since ? { since } : {});
    const outcome = await run(importVocabularyTask, context_.ctx, { store_path: storePath }).then(
      (result) => ({ result, error: undefined }),
      (error: unknown) => ({ result: undefined, error }),
    );
    return { ...context_, ...outcome, last: context_.progress.at(-1) };
  }

  it('inserts valid records, counts invalid ones and ends as a partial success', async () => {
    const store = path.join(dir, 'nested', 'store.json');
    const first = await importing(store);
    expect(first.error).toBeInstanceOf(PartialSuccessError);
    expect((first.error as PartialSuccessError).erroredEntries).toBe(18);
    expect((first.error as Error).message).toBe('18 of 300 records were invalid');
    expect(first.last).toEqual({ total: 300, inserted: 282, updated: 0, errored: 18 });
    expect(first.progress).toHaveLength(1 + 6); // initial report, then one per batch of 50
    const warnings = first.lines.filter((l) => l.level === 'warn').map((l) => l.message);
    expect(warnings).toHaveLength(18);
    expect(warnings).toContain('Invalid record org-0008: name: must not be empty');
    expect(first.lines.find((l) => l.message.startsWith('Invalid record org-0042'))?.fields).toEqual({
      id: 'org-0042',
      problems: ['country: must be an ISO 3166-1 alpha-2 code such as "CH"'],
    });
    expect(warnings.filter((w) => w.includes('appears earlier'))).toHaveLength(3);
    const stored = JSON.parse(await fs.readFile(store, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(stored)).toHaveLength(282);
    expect((await fs.readdir(path.dirname(store))).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const second = await importing(store);
    expect(second.last).toEqual({ total: 300, inserted: 0, updated: 282, errored: 18 });
  });

  it('imports only records modified since the given instant', async () => {
    const since = await importing(path.join(dir, 'since.json'), new Date('2026-01-01T00:00:00Z'));
    expect(since.last).toEqual({ total: 138, inserted: 128, updated: 0, errored: 10 });
    expect(since.lines[0]).toMatchObject({ level: 'info', fields: { skipped: 162 } });
    expect((since.error as PartialSuccessError).erroredEntries).toBe(10);
  });

  it('returns its counts when every record is valid', async () => {
    const source = path.join(dir, 'valid.json');
    const records = [{ id: 'a', name: 'A', country: 'CH', type: 'other', modified: '2025-01-01T00:00:00Z' }];
    await fs.writeFile(source, JSON.stringify(records));
    const store = path.join(dir, 'valid-store.json');
    const result = await run(importVocabularyTask, context().ctx, { source, store_path: store });
    expect(result).toEqual({
      total: 1,
      inserted: 1,
      updated: 0,
      errored: 0,
      skipped_before_since: 0,
      store_path: store,
    });
  });

  it('writes nothing when stopped', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const store = path.join(dir, 'stopped.json');
    const { ctx } = context({ signal: controller.signal });
    await expect(run(importVocabularyTask, ctx, { store_path: store })).rejects.toThrow('stop');
    await expect(fs.access(store)).rejects.toThrow();
  });
});
