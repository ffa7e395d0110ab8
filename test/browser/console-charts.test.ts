import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { PHONE, screenshot, signIn } from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';
import { seedRun } from '../support/stats-seed.js';

const suite = useBrowserSuite({ logFailedResponses: true });
const MIN = 60_000;

/** Ended runs of the job over the last hours: 1..N s, every 5th failed, with entry counters. */
async function seedHistory(jobId: string, count: number): Promise<void> {
  let now = Date.now();
  const store = await openStore(`sqlite:${suite.server.databaseFile}`, { now: () => now });
  try {
    const start = Date.now() - (count * 2 + 5) * MIN;
    for (let i = 1; i <= count; i += 1) {
      await seedRun(store, (ms) => (now = ms), {
        jobId,
        task: 'test.echo',
        // A queue the server's worker does not serve, so the seeding claims its own runs.
        queue: 'seeded',
        created: start + i * 2 * MIN,
        waitMs: 300,
        durationMs: i * 1000,
        status: i % 5 === 0 ? 'FAILED' : 'SUCCESS',
        progress: { inserted: i * 10, updated: i, errored: i % 5 === 0 ? 2 : 0 },
      });
    }
  } finally {
    await store.close();
  }
}

describe('console charts', () => {
  it('shows the job’s duration chart with p50/p95, outcomes and entries; empty when never run', async () => {
    const job = await suite.server.api('POST', '/jobs', { title: 'Charted import', task: 'test.echo' });
    await seedHistory(job.id, 30);
    const empty = await suite.server.api('POST', '/jobs', { title: 'Never ran', task: 'test.echo' });

    // A viewer may read every chart (they change nothing).
    const { page } = await suite.open();
    await signIn(page, suite.server, 'viewer');
    await page.goto(`${suite.server.url}/admin/jobs/${job.id}`);
    await page.getByRole('tab', { name: 'Charts' }).click();
    const duration = page.getByTestId('duration-chart');
    await duration.locator('canvas').first().waitFor({ timeout: 30_000 });
    // Successful runs: 1..30 s without every 5th (24 runs): p50 = 15 s, p95 = 27.85 s (interpolated).
    await expect(page.getByTestId('duration-summary').textContent()).resolves.toBe(
      '30 runs; successful runs: p50 15.0 s, p95 27.9 s (24 runs)',
    );
    await expect(duration.getAttribute('aria-labelledby')).resolves.toBeTruthy();
    await page.getByTestId('outcomes-chart').locator('canvas').first().waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('outcomes-chart').textContent()).resolves.toContain('30 runs ended, 6 failed');
    await page.getByTestId('entries-chart').locator('canvas').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'job-charts');

    await page.goto(`${suite.server.url}/admin/jobs/${empty.id}`);
    await page.getByRole('tab', { name: 'Charts' }).click();
    await page.getByTestId('duration-chart').getByText('No ended runs yet').waitFor();
  });

  it('shows queue throughput and waits, and the job charts fit a 390 px screen', async () => {
    const job = await suite.server.api('POST', '/jobs', { title: 'Charted on a phone', task: 'test.echo' });
    await seedHistory(job.id, 10);
    const { page } = await suite.open();
    await signIn(page, suite.server, 'viewer');
    await page.goto(`${suite.server.url}/admin/queues`);
    await page.getByTestId('queue-throughput-chart').locator('canvas').first().waitFor({ timeout: 30_000 });
    await page
      .getByTestId('queue-wait-chart')
      .getByText(/Longest wait: \d+ ms/)
      .waitFor();

    const phone = (await suite.open({ viewport: PHONE })).page;
    await signIn(phone, suite.server, 'viewer');
    await phone.goto(`${suite.server.url}/admin/jobs/${job.id}`);
    await phone.getByRole('tab', { name: 'Charts' }).click();
    const canvas = phone.getByTestId('duration-chart').locator('canvas').first();
    await canvas.waitFor({ timeout: 30_000 });
    expect((await canvas.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width);
    const overflow = await phone.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
