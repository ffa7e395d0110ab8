import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJobdeck } from '../../../src/service/jobdeck.js';
import { demoTasks } from '../../../src/tasks/index.js';
import { cli } from '../../support/cli.js';
import { onCleanup, useTestDatabase } from '../../support/fixtures.js';

async function openDeck(url: string) {
  const deck = await createJobdeck({ database: url, tasks: demoTasks, logger: false });
  onCleanup(() => deck.close());
  return deck;
}

describe('jobdeck jobs export | apply', { timeout: 120_000 }, () => {
  it('moves job definitions between two databases through a file, by key', async () => {
    const source = useTestDatabase().url;
    const target = useTestDatabase().url;
    const sourceDeck = await openDeck(source);
    const targetDeck = await openDeck(target);
    await sourceDeck.jobs.create({ title: 'Nightly import', task: 'demo.wait', args: { seconds: 2 } });
    await targetDeck.jobs.create({ title: 'Old copy', task: 'demo.wait' }, undefined, { key: 'nightly-import' });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jobdeck-export-')), 'jobs.json');

    const exported = await cli(['jobs', 'export', '--file', file], source);
    expect(exported).toMatchObject({ code: 0, stderr: expect.stringContaining('1 job(s) written') });
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as { jobs: { key: string; task: string }[] };
    expect(written.jobs).toMatchObject([{ key: 'nightly-import', task: 'demo.wait', title: 'Nightly import' }]);

    const applied = await cli(['jobs', 'apply', file], target);
    expect(applied).toMatchObject({ code: 0, stdout: 'created 0, updated 1\n' });
    const { items } = await targetDeck.jobs.list();
    expect(items).toMatchObject([{ key: 'nightly-import', title: 'Nightly import', args: { seconds: 2 } }]);
  });
});
