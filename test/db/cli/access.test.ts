import { describe, expect, it } from 'vitest';
import type { AuditEntryWire } from '../../../src/wire/access-wire.js';
import type { QueueInfo } from '../../../src/service/queue-service.js';
import { cli, cliJson } from '../../support/cli.js';
import { useTestDatabase } from '../../support/fixtures.js';

describe('jobdeck CLI: tokens, queues, audit', () => {
  it('creates, lists and revokes a token, pauses and resumes a queue, and audits it all', async () => {
    const { url } = useTestDatabase();
    const created = await cliJson<{ id: string; name: string; role: string; token: string }>(
      ['tokens', 'create', '--name', 'ci bot', '--role', 'operator'],
      url,
    );
    expect(created).toMatchObject({ name: 'ci bot', role: 'operator' });
    expect(created.token).toMatch(/^jd_[\w-]{43}$/);

    const listed = await cli(['tokens', 'list'], url);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/ID\s+NAME\s+ROLE\s+CREATED\s+LAST USED\s+REVOKED/);
    expect(listed.stdout).toContain(created.id);
    expect(listed.stdout).toContain('ci bot');
    expect(listed.stdout).not.toContain(created.token.slice(3));

    const revoked = await cli(['tokens', 'revoke', created.id], url);
    expect(revoked).toMatchObject({ code: 0, stdout: expect.stringContaining('revoked') });

    const paused = await cliJson<QueueInfo>(['queues', 'pause', 'default'], url);
    expect(paused).toMatchObject({ name: 'default', paused: true, counts: { QUEUED: 0, RUNNING: 0 } });
    const queues = await cliJson<QueueInfo[]>(['queues', 'list'], url);
    expect(queues).toEqual([expect.objectContaining({ name: 'default', paused: true })]);
    const resumed = await cliJson<QueueInfo>(['queues', 'resume', 'default'], url);
    expect(resumed.paused).toBe(false);

    const audit = await cliJson<{ hits: { hits: AuditEntryWire[]; total: number } }>(['audit'], url);
    expect(audit.hits.total).toBe(4);
    expect(audit.hits.hits.map((entry) => entry.action)).toEqual([
      'queue.resume',
      'queue.pause',
      'token.revoke',
      'token.create',
    ]);
    expect(audit.hits.hits[3]).toMatchObject({
      actor: expect.stringMatching(/^cli:/),
      job_id: null,
      run_id: null,
      details: { id: created.id, name: 'ci bot', role: 'operator' },
      request_id: null,
    });

    const bad = await cli(['tokens', 'create', '--name', 'x', '--role', 'root'], url);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/role: "root" is not one of admin, operator, viewer/);
  });
});
