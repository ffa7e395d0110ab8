import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite();

describe('the Logs page and linked lines', () => {
  it('searches a word across runs and opens a hit at its line in the run page', async () => {
    const job = await suite.server.api('POST', '/jobs', { title: 'Echo lines', task: 'test.echo' });
    const lines = Array.from({ length: 600 }, (_, i) => (i === 450 ? 'found the zebracorn at last' : `line ${i + 1}`));
    const long = await suite.server.api('POST', `/jobs/${job.id}/runs`, { args: { lines } });
    const short = await suite.server.api('POST', `/jobs/${job.id}/runs`, { args: { lines: ['a zebracorn too'] } });
    for (const run of [long, short]) {
      await suite.server.waitFor(async () => (await suite.server.api('GET', `/runs/${run.id}`)).status === 'SUCCESS');
    }

    const { page } = await suite.open();
    await signIn(page, suite.server, 'viewer');
    await page.getByRole('link', { name: 'Logs' }).click();
    await page.getByLabel('Words').fill('Zebracorn');
    await page.getByLabel('Words').press('Enter');
    // Without words the page lists the latest lines, so wait for the search's own answer.
    await page.waitForURL(/q=Zebracorn/);
    await expect.poll(() => page.getByTestId('log-hit').count(), { timeout: 10_000 }).toBe(2);
    expect(await page.locator('[data-testid=log-hit] mark').first().textContent()).toBe('zebracorn');

    await page.getByRole('link', { name: `Run ${long.id} line 451` }).click();
    const focused = page.locator('.jd-log-row-focus');
    await focused.waitFor();
    expect(await focused.getAttribute('data-seq')).toBe('451');
    expect(await focused.textContent()).toContain('found the zebracorn at last');
    expect(page.url()).toContain(`/runs/${long.id}?line=451#line-451`);
  });

  it("shows a fan-out parent's sub-run logs one at a time, and all of them in the search", async () => {
    const job = await suite.server.api('POST', '/jobs', { title: 'Fan out', task: 'demo.fan-out' });
    const run = await suite.server.api('POST', `/jobs/${job.id}/runs`, { args: { records: 4, fail_every: 2 } });
    await suite.server.waitFor(
      async () => (await suite.server.api('GET', `/runs/${run.id}`)).status === 'PARTIAL_SUCCESS',
      30_000,
    );
    const failed = await suite.server.api('GET', `/runs/${run.id}/subruns?status=FAILED`);

    const { page } = await suite.open();
    await signIn(page, suite.server, 'viewer');
    await page.goto(`${suite.server.url}/admin/runs/${run.id}`);
    await page.getByLabel('Log of').click();
    const child = failed.hits.hits[0];
    await page.locator('.ant-select-item-option', { hasText: `Sub-run ${child.id}:` }).click();
    await page.locator(`a[href*="/runs/${child.id}/logs/download"]`).first().waitFor();

    await page.getByRole('link', { name: "All sub-runs' lines" }).click();
    await page.getByTestId('log-hit').first().waitFor();
    expect(page.url()).toContain(`run=${run.id}&subruns=true`);
  });
});
