import { z } from 'zod';
import { defineTask } from '../domain/task.js';
import { OutboundRefusedError } from '../domain/outbound-refused.js';

const EXCERPT_CHARS = 2000;
const ERROR_BODY_CHARS = 500;

const httpUrl = z.string().refine(
  (value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  },
  { error: 'Must be a full http:// or https:// URL, such as https://example.org/health' },
);

/**
 * Reads at most `limit` characters of the body and cancels the rest, so that calling a URL that
 * returns a large download does not hold it all in memory.
 */
async function readExcerpt(response: Response, limit: number): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: '', truncated: false };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  try {
    while (text.length <= limit) {
      const { done, value } = await reader.read();
      if (done) return { text, truncated: false };
      text += value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return { text: text.slice(0, limit), truncated: true };
}

export const httpRequestTask = defineTask({
  id: 'http.request',
  title: 'HTTP request',
  description:
    'Sends one HTTP request and records the status and the start of the response; fails on an unexpected status.',
  args: z.object({
    method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).default('GET').describe('HTTP method'),
    url: httpUrl.describe('The URL to call (http or https)'),
    headers: z.record(z.string(), z.string()).default({}).describe('Request headers, name to value'),
    body: z
      .union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())])
      .optional()
      .describe(
        'Request body: text, or a JSON object or array (sent as application/json unless a content-type is given)',
      ),
    expected_status: z
      .array(z.number().int().min(100).max(599))
      .default([])
      .describe('Status codes that count as success; empty means any 2xx'),
    timeout_seconds: z
      .number()
      .positive()
      .max(3600)
      .default(30)
      .describe('Give up after this many seconds (connecting and reading the response)'),
  }),
  // Headers carry credentials: write-only, and never sent to a URL they were not saved with.
  // Nothing here is operator-editable: a changed URL or body needs an admin.
  secretArgs: ['headers'],
  secretsBoundTo: ['url'],
  async run(ctx, args) {
    const headers = new Headers(args.headers);
    let body: string | undefined;
    if (typeof args.body === 'string') body = args.body;
    else if (args.body !== undefined) {
      body = JSON.stringify(args.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    if (body !== undefined && (args.method === 'GET' || args.method === 'HEAD')) {
      throw new Error(`A ${args.method} request cannot have a body; use POST, PUT or PATCH.`);
    }

    const timeout = AbortSignal.timeout(args.timeout_seconds * 1000);
    const started = performance.now();
    ctx.log.info(`${args.method} ${args.url}`, { method: args.method, url: args.url });
    let response: Response;
    let excerpt: { text: string; truncated: boolean };
    // The timeout covers reading the body too, so both steps share one error translation.
    try {
      // Through the outbound policy: internal addresses are refused, redirects followed and checked.
      response = await ctx.outbound.fetch(args.url, {
        method: args.method,
        headers,
        body: body ?? null,
        signal: AbortSignal.any([ctx.signal, timeout]),
      });
      excerpt = await readExcerpt(response, EXCERPT_CHARS);
    } catch (error) {
      // A stop must surface as the signal's own abort so that the engine records it as such.
      if (ctx.signal.aborted) throw error;
      if (timeout.aborted) throw new Error(`Request timed out after ${args.timeout_seconds} s`, { cause: error });
      if (error instanceof OutboundRefusedError) throw error;
      const cause = (error as Error).cause;
      const detail = cause instanceof Error ? cause.message : (error as Error).message;
      throw new Error(`Request to ${args.url} failed: ${detail}`, { cause: error });
    }
    const elapsed = Math.round(performance.now() - started);
    ctx.log.info(`${response.status} ${response.statusText} in ${elapsed} ms`, {
      status: response.status,
      elapsed_ms: elapsed,
    });

    const expected = args.expected_status.length
      ? args.expected_status.includes(response.status)
      : response.status >= 200 && response.status < 300;
    if (!expected) {
      const wanted = args.expected_status.length ? args.expected_status.join(', ') : 'any 2xx';
      const start = excerpt.text.slice(0, ERROR_BODY_CHARS);
      throw new Error(
        `Unexpected status ${response.status} ${response.statusText} (expected ${wanted})` +
          (start ? `: ${start}` : ''),
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
      body_excerpt: excerpt.text,
      body_truncated: excerpt.truncated,
      elapsed_ms: elapsed,
    };
  },
});
