import { z } from 'zod';
import { defineTask } from '../domain/task.js';

const EXCERPT_CHARS = 2000;

const httpUrl = z.string().refine(
  (value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  },
  { message: 'Must be an http:// or https:// URL' },
);

export const httpRequestTask = defineTask({
  id: 'http.request',
  title: 'HTTP request',
  description:
    'Sends one HTTP request and records the status and the start of the response; fails on an unexpected status.',
  args: z.object({
    method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).default('GET').describe('HTTP method'),
    url: httpUrl.describe('The URL to call (http or https)'),
    headers: z.record(z.string(), z.string()).default({}).describe('Request headers'),
    body: z
      .union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())])
      .optional()
      .describe('Request body: text, or JSON (sent as application/json)'),
    expected_status: z
      .array(z.number().int().min(100).max(599))
      .default([])
      .describe('Status codes that count as success; empty = any 2xx'),
    timeout_seconds: z.number().positive().max(3600).default(30).describe('Give up after this many seconds'),
  }),
  async run(ctx, args) {
    const headers = new Headers(args.headers);
    let body: string | undefined;
    if (typeof args.body === 'string') body = args.body;
    else if (args.body !== undefined) {
      body = JSON.stringify(args.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const timeout = AbortSignal.timeout(args.timeout_seconds * 1000);
    const started = performance.now();
    ctx.log.info(`${args.method} ${args.url}`);
    let response: Response;
    try {
      response = await fetch(args.url, {
        method: args.method,
        headers,
        body: body ?? null,
        signal: AbortSignal.any([ctx.signal, timeout]),
      });
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      if (timeout.aborted) throw new Error(`Request timed out after ${args.timeout_seconds} s`, { cause: error });
      throw new Error(`Request failed: ${(error as Error).cause ?? (error as Error).message}`, { cause: error });
    }
    const text = await response.text();
    const elapsed = Math.round(performance.now() - started);
    ctx.log.info(`${response.status} ${response.statusText} in ${elapsed} ms`, {
      status: response.status,
      bytes: text.length,
    });
    const expected = args.expected_status.length ? args.expected_status.includes(response.status) : response.ok;
    if (!expected) {
      const wanted = args.expected_status.length ? args.expected_status.join(', ') : 'any 2xx';
      throw new Error(
        `Unexpected status ${response.status} ${response.statusText} (expected ${wanted}): ${text.slice(0, 500)}`,
      );
    }
    const picked: Record<string, string> = {};
    for (const name of ['content-type', 'content-length']) {
      const value = response.headers.get(name);
      if (value !== null) picked[name] = value;
    }
    return {
      status: response.status,
      status_text: response.statusText,
      headers: picked,
      body_excerpt: text.slice(0, EXCERPT_CHARS),
      body_truncated: text.length > EXCERPT_CHARS,
      elapsed_ms: elapsed,
    };
  },
});
