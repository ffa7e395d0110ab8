import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite();

describe('sub-runs in the admin UI', () => {
  it('shows a fan-out: done/total in the job runs table, the sub-runs panel with its filter', async () => {
    const job = await suite.server.api('POST', '/jobs', { title: 'Fan out', task: 'demo.fan-out' });
    const run = await suite.server.api('POST', `/jobs/${job.id}/runs`, { args: { records: 40, fail_every: 8 } });
    await suite.server.waitFor(async () => {
      const now = await suite.server.api('GET', `/runs/${run.id}`);
      return now.status === 'PARTIAL_SUCCESS' ? now : undefined;
    }, 30_000);

    const { page } = await suite.open();
    await signIn(page, suite.server, 'operator');
    await page.goto(`${suite.server.url}/admin/jobs/${job.id}`);
    await page.getByRole('link', { name: 'Manual run' }).waitFor();
    expect(await page.getByTestId(`subruns-${run.id}`).textContent()).toBe('40/40 (5 failed)');

    await page.goto(`${suite.server.url}/admin/runs/${run.id}`);
    await page.getByTestId('subrun-progress').filter({ hasText: '40/40 done, 5 failed' }).waitFor();
    await page.getByTestId('subrun-counts').filter({ hasText: '35 SUCCESS, 5 FAILED' }).waitFor();
    await page.getByLabel('Filter sub-runs by status').click();
    await page.locator('.ant-select-item-option', { hasText: /^FAILED$/ }).click();
    await page.getByText('5 sub-runs').waitFor();
    await page.getByRole('link', { name: 'Record 8 of 40' }).click();
    await page.getByRole('link', { name: `run ${run.id}` }).waitFor();
  });
});
