import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/domain/access.js';
import { openTestApi } from '../../support/http.js';

type Need = 'read' | 'run' | 'admin';
const ALLOWED: Record<Role, Need[]> = { admin: ['read', 'run', 'admin'], operator: ['read', 'run'], viewer: ['read'] };

describe('API permission matrix', () => {
  it('answers 401 without credentials and 403 for a role that may not act, on every route', async () => {
    const api = await openTestApi();
    const job = await api.deck.jobs.create({ title: 'Matrix', task: 'test.echo' });
    const run = await api.deck.runs.create(job.id);
    const routes: [string, string, Need, unknown?][] = [
      ['GET', '/api/jobs', 'read'],
      ['POST', '/api/jobs', 'admin', { title: 'New', task: 'test.echo' }],
      ['GET', `/api/jobs/${job.id}`, 'read'],
      ['PUT', `/api/jobs/${job.id}`, 'admin', { title: 'Put', task: 'test.echo' }],
      ['PATCH', `/api/jobs/${job.id}`, 'admin', { description: 'patched' }],
      ['GET', `/api/jobs/${job.id}/runs`, 'read'],
      ['POST', `/api/jobs/${job.id}/runs`, 'run', {}],
      ['GET', `/api/jobs/${job.id}/runs/${run.id}`, 'read'],
      ['GET', `/api/jobs/${job.id}/runs/${run.id}/logs`, 'read'],
      ['GET', '/api/runs', 'read'],
      ['GET', '/api/tasks', 'read'],
      ['GET', '/api/tasks/test.echo/args', 'read'],
      ['GET', '/api/queues', 'read'],
      ['POST', '/api/queues/other/pause', 'admin'],
      ['POST', '/api/queues/other/resume', 'admin'],
      ['GET', '/api/schedules/preview?every=90m', 'read'],
      ['GET', '/api/session', 'read'],
      ['GET', `/api/audit?job=${job.id}`, 'admin'],
    ];
    for (const [method, path, need, body] of routes) {
      const anonymous = await api.call(method, path, { role: null, body });
      expect(anonymous.status, `${method} ${path} anonymous`).toBe(401);
      for (const role of ['viewer', 'operator', 'admin'] as const) {
        const response = await api.call(method, path, { role, body });
        const expected = ALLOWED[role].includes(need);
        if (expected)
          expect(response.status, `${method} ${path} as ${role}: ${await response.clone().text()}`).toBeLessThan(300);
        else expect(response.status, `${method} ${path} as ${role}`).toBe(403);
      }
    }
    // Stop and delete change state, so each role is tried on its own run/job.
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      const fresh = await api.deck.runs.create(job.id);
      const stop = await api.call('POST', `/api/jobs/${job.id}/runs/${fresh.id}/actions/stop`, { role });
      expect(stop.status, `stop as ${role}`).toBe(ALLOWED[role].includes('run') ? 202 : 403);
      const other = await api.deck.jobs.create({ title: 'Doomed', task: 'test.echo' });
      const del = await api.call('DELETE', `/api/jobs/${other.id}`, { role });
      expect(del.status, `delete as ${role}`).toBe(role === 'admin' ? 204 : 403);
    }
  });
});
