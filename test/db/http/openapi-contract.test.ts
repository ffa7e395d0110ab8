import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.js';
import { openTestApi } from '../../support/http.js';

// What every operation of the document must have, so a new route cannot skip it: a stable
// camelCase operationId (the typed client's and users' name for it), a summary, a declared tag,
// and its failures as the API's error body.
type Operation = {
  operationId?: string;
  summary?: string;
  tags?: string[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

describe('OpenAPI contract', () => {
  it('names, summarises and tags every operation and documents its 4xx answers', async () => {
    const api = await openTestApi();
    const document = await (await api.call('GET', '/api/openapi.json', { role: null })).json();
    expect(document.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
    expect(document.servers).toEqual([{ url: '/api', description: 'This Jobdeck' }]);
    const tags = new Set((document.tags as { name: string }[]).map((t) => t.name));
    const ids: string[] = [];
    for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, operation] of Object.entries(item).filter(([m]) => METHODS.includes(m))) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(operation.operationId, where).toMatch(/^[a-z]+[A-Z][A-Za-z]*$/);
        expect(operation.summary?.trim(), where).toBeTruthy();
        expect(operation.tags?.length, where).toBeGreaterThan(0);
        for (const tag of operation.tags!) expect(tags.has(tag), `${where}: tag ${tag} is declared`).toBe(true);
        const errors = Object.entries(operation.responses).filter(([status]) => /^4\d\d$/.test(status));
        expect(errors.length, `${where} documents a 4xx`).toBeGreaterThan(0);
        for (const [status, response] of errors)
          expect(response.content?.['application/json']?.schema?.$ref, `${where} ${status}`).toBe(
            '#/components/schemas/Error',
          );
        ids.push(operation.operationId!);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['listJobs', 'createJob', 'getRun', 'createRun', 'stopRun']));
  });

  it('describes every route the API serves (none is registered outside the document)', async () => {
    const api = await openTestApi();
    const document = await (await api.call('GET', '/api/openapi.json', { role: null })).json();
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(document.paths as Record<string, object>))
      for (const method of Object.keys(item)) if (METHODS.includes(method)) documented.add(`${method} /api${path}`);
    const served = createApp(api.deck, { adminUi: false })
      .routes.filter((route) => route.path.startsWith('/api/') && route.method !== 'ALL')
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
      .filter((route) => route !== 'get /api/openapi.json');
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
  });
});
