import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyTask, TaskContext } from '../../src/domain/task.js';
import { httpRequestTask, waitTask } from '../../src/tasks/index.js';

/** A task context that records what the task logs and reports. */
function context(signal = new AbortController().signal) {
  const lines: { level: string; message: string }[] = [];
  const progress: unknown[] = [];
  const log = (level: string) => (message: string) => void lines.push({ level, message });
  const ctx: TaskContext = {
    since: null,
    signal,
    log: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    progress: (counters) => void progress.push(counters),
    job: {} as never,
    run: {} as never,
  };
  return { ctx, lines, progress };
}

const run = (task: AnyTask, ctx: TaskContext, args: unknown) => task.run(ctx, task.args.parse(args) as never);

describe('http.request', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/hang') return; // never answers
      if (req.url === '/missing') return void res.writeHead(404).end('not here');
      if (req.url === '/broken') return void res.writeHead(500).end('database on fire');
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () =>
        res
          .writeHead(200, { 'content-type': 'text/plain' })
          .end(`${req.method} ${req.headers['content-type'] ?? ''} ${body}`),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('records status and a response excerpt, sending JSON bodies as JSON', async () => {
    const { ctx, lines } = context();
    const result = await run(httpRequestTask, ctx, { method: 'POST', url: `${base}/ok`, body: { a: 1 } });
    expect(result).toMatchObject({
      status: 200,
      body_excerpt: 'POST application/json {"a":1}',
      body_truncated: false,
      headers: { 'content-type': 'text/plain' },
    });
    expect(lines.map((l) => l.message)).toEqual([`POST ${base}/ok`, expect.stringMatching(/^200 OK in \d+ ms$/)]);
  });

  it('fails on an unexpected status and accepts an expected one', async () => {
    await expect(run(httpRequestTask, context().ctx, { url: `${base}/broken` })).rejects.toThrow(
      /Unexpected status 500 .*expected any 2xx.*database on fire/,
    );
    expect(await run(httpRequestTask, context().ctx, { url: `${base}/missing`, expected_status: [404] })).toMatchObject(
      { status: 404 },
    );
  });

  it('times out', async () => {
    await expect(run(httpRequestTask, context().ctx, { url: `${base}/hang`, timeout_seconds: 0.2 })).rejects.toThrow(
      'Request timed out after 0.2 s',
    );
  });

  it('refuses a URL that is not http(s)', () => {
    const parsed = httpRequestTask.args.safeParse({ url: 'ftp://example.org' });
    expect(parsed.success).toBe(false);
  });
});

describe('demo.wait', () => {
  it('logs once a second and reports progress', async () => {
    const { ctx, lines, progress } = context();
    expect(await run(waitTask, ctx, { seconds: 0.2 })).toEqual({ waited_seconds: 0.2 });
    expect(lines.map((l) => l.message)).toEqual(['Waited 0.2 of 0.2 seconds']);
    expect(progress[0]).toEqual({ total: 0.2, inserted: 0 });
  });

  it('stops at once when its signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('stop')), 100);
    await expect(run(waitTask, context(controller.signal).ctx, { seconds: 30 })).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(500);
  });
});
