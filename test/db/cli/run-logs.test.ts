import { describe, expect, it } from 'vitest';
import { finished, openTestDeck, startWorker } from '../../support/deck.js';
import { useTestDatabase } from '../../support/fixtures.js';
import { cli } from '../../support/cli.js';

describe('jobdeck runs logs', () => {
  it('prints every line, as text or NDJSON, filtered by level and text', async () => {
    const url = useTestDatabase().url;
    const deck = await openTestDeck({}, url);
    const worker = await startWorker(deck);
    const lines = Array.from({ length: 1200 }, (_, i) => `entry ${i + 1}`);
    const echo = await deck.jobs.create({ title: 'Echo', task: 'test.echo' });
    const run = await deck.runs.create(echo.id, { args: { lines } });
    const failing = await deck.jobs.create({ title: 'Fail', task: 'test.fail' });
    const failed = await deck.runs.create(failing.id);
    await finished(worker, run.id);
    await finished(worker, failed.id);

    const text = await cli(['runs', 'logs', String(run.id), '--follow'], url);
    expect(text.code).toBe(0);
    const printed = text.stdout.trimEnd().split('\n');
    expect(printed).toHaveLength(1200);
    expect(printed[1199]).toMatch(/ INFO {2}entry 1200 \{"i":1199\}$/);

    const json = await cli(['runs', 'logs', String(run.id), '--json', '--search', 'ENTRY 11', '--after', '1100'], url);
    const records = json.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { seq: number; message: string });
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 99 }, (_, i) => 1101 + i));

    const warnings = await cli(['runs', 'logs', String(failed.id), '--level', 'warn'], url);
    expect(warnings.stdout).toMatch(/^\S+ WARN {2}about to fail\n$/);
    const bad = await cli(['runs', 'logs', String(failed.id), '--level', 'loud'], url);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Unknown level "loud"');
  }, 90_000); // four command processes: slow on a busy machine
});
