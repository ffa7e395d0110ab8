import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.js';
import { CALLERS, allowed, refusal, routeRules, type RouteRule } from '../../../src/http/route-matrix.js';
import { startServer } from '../../../src/http/server.js';
import { expectedSecurityDoc } from '../../../scripts/security-doc.js';
import { onCleanup } from '../../support/fixtures.js';
import { openTestApi } from '../../support/http.js';

/**
 * Every route × admin/operator/viewer/none against a real server, expecting what the route's guard
 * says (route-matrix.ts: the same rule that writes the table of docs/security.md): past the guard
 * means any answer but 401/403 (a 400 for an empty body, a 404 for a deleted job are fine).
 */
describe('route × role matrix', () => {
  it('lets each caller through exactly the routes its role allows, on every route', async () => {
    const api = await openTestApi();
    const server = await startServer(api.deck, 0, '127.0.0.1', { adminUi: false });
    onCleanup(() => server.close());
    const rules = routeRules(createApp(api.deck, { adminUi: false }));
    expect(rules.filter((rule) => !rule.access).map((rule) => `${rule.method} ${rule.path}`)).toEqual([]);
    expect(rules.length).toBeGreaterThan(30);

    const job = await api.deck.jobs.create({ title: 'Matrix', task: 'test.echo' });
    const run = await api.deck.runs.create(job.id);
    const pathOf = (rule: RouteRule) =>
      rule.path
        // A job deleted by the admin's call would turn later calls into 404s: delete a missing one.
        .replace('{id}', rule.path.startsWith('/api/tasks/') ? 'test.echo' : rule.method === 'DELETE' ? 'gone' : job.id)
        .replace('{run_id}', String(run.id))
        .replace('{name}', 'other')
        .replace('{session_id}', randomUUID());

    const failures: string[] = [];
    for (const rule of rules as RouteRule[]) {
      for (const caller of CALLERS) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (caller !== 'none') headers.authorization = `Bearer ${api.tokens[caller]}`;
        const controller = new AbortController();
        const response = await fetch(`${server.url}${pathOf(rule)}`, {
          method: rule.method,
          headers,
          ...(['POST', 'PUT', 'PATCH'].includes(rule.method) && { body: '{}' }),
          signal: controller.signal,
        });
        controller.abort(); // event streams would go on
        const expected = allowed(rule.access, caller) ? 'passes' : String(refusal(caller));
        const got = response.status === 401 || response.status === 403 ? String(response.status) : 'passes';
        if (got !== expected)
          failures.push(`${rule.method} ${rule.path} as ${caller}: ${response.status}, expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('is the table of docs/security.md (run npm run docs:security when routes change)', async () => {
    const { current, expected } = await expectedSecurityDoc();
    expect(current).toBe(expected);
  });
});
