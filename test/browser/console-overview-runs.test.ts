import { describe, expect, it } from 'vitest';
import { PHONE, screenshot, signIn } from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';
import { historyRuns, seedHistory } from '../support/history.js';

const suite = useBrowserSuite({ logFailedResponses: true });
const DAY = 86_400_000;

describe('operations console: overview and runs', () => {
  it('walks from the overview to the FAILED runs of one job and re-runs them in one bulk action', async () => {
    const server = suite.server;
    const job = await server.api('POST', '/jobs', {
      title: 'Nightly import',
      task: 'test.echo',
      args: { lines: ['x'] },
    });
    const other = await server.api('POST', '/jobs', { title: 'Other job', task: 'test.echo', args: { lines: ['y'] } });
    const options = { jobs: [job, other], runs: 300, now: Date.now(), args: { lines: ['x'] } };
    await seedHistory(`sqlite:${server.databaseFile}`, options);
    const failed = historyRuns(options).filter(
      (r) => r.jobId === job.id && r.status === 'FAILED' && r.finishedAt >= options.now - DAY,
    ).length;
    const blocker = await server.api('POST', '/jobs', { title: 'Long one', task: 'test.block' });
    const held = await server.api('POST', `/jobs/${blocker.id}/runs`, {});
    await server.waitFor(async () => (await server.api('GET', `/runs/${held.id}`)).status === 'RUNNING');

    const { page } = await suite.open();
    await signIn(page, server, 'admin');
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.waitForURL(/\/admin\/overview$/);
    await page.getByRole('link', { name: '1 running' }).waitFor();
    await page
      .getByRole('link', { name: 'Long one' })
      .or(page.getByRole('link', { name: 'Manual run' }))
      .first()
      .waitFor();
    const row = page.getByTestId(`failures-${job.id}`);
    await row.getByText(/Import \d+ failed: row \d+ is bad|partly failed/).waitFor();
    await screenshot(page, 'overview');

    await row.getByRole('link', { name: `${failed} failed runs of Nightly import` }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/admin/runs') && url.searchParams.get('job') === job.id);
    expect(new URL(page.url()).searchParams.get('status')).toBe('FAILED');
    const rows = page.locator('.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(failed);
    await page.getByText(`${failed} runs`, { exact: true }).waitFor();
    // The Job column names the job (not an id prefix) and links to it.
    const jobLink = rows.first().getByRole('link', { name: 'Nightly import', exact: true });
    expect(await jobLink.getAttribute('href')).toMatch(new RegExp(`/jobs/${job.id}$`));

    // The same view from a shared link: the filters come from the URL.
    await page.reload();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(failed);
    await page.getByText(`Everything matching (${failed})`).click();
    await page.getByTestId('bulk-rerun').click();
    const confirm = page.getByTestId('bulk-confirm-count');
    await expect(confirm.textContent()).resolves.toContain(
      `${failed} of the ${failed} matching runs will be queued again`,
    );
    await screenshot(page, 'runs-bulk-confirm');
    await page.getByRole('button', { name: `Run again ${failed} runs` }).click();
    await page.getByText(`${failed} runs queued again`).waitFor();

    const audit = await server.api('GET', '/audit?size=50');
    const bulk = audit.hits.hits.filter((e: { action: string }) => e.action === 'runs.bulk_rerun');
    expect(bulk).toHaveLength(1);
    expect(bulk[0].details).toMatchObject({
      filter: { status: 'FAILED', job: job.id, time: 'finished' },
      done: failed,
    });
    const again = await server.api('GET', `/runs?job=${job.id}&started_by=admin-user&size=100`);
    expect(again.hits.total).toBe(failed);
    await server.api('POST', `/jobs/${blocker.id}/runs/${held.id}/actions/stop`);
  }, 120_000);

  it('fits a phone and shows a viewer what it may not do', async () => {
    // Upcoming fires grouped per job: an every-minute job takes one line, a daily one still shows.
    const cron = (expression: string) => ({ type: 'crontab', expression, timezone: 'UTC' });
    const minutely = await suite.server.api('POST', '/jobs', {
      title: 'Poll feed',
      task: 'test.echo',
      schedule: cron('* * * * *'),
    });
    const daily = await suite.server.api('POST', '/jobs', {
      title: 'Nightly at three',
      task: 'test.echo',
      schedule: cron('0 3 * * *'),
    });
    const { page } = await suite.open({ viewport: PHONE });
    await signIn(page, suite.server, 'viewer');
    await page.goto(`${suite.server.url}/admin/overview`);
    await page.getByTestId('overview').waitFor();
    const upcoming = page.getByTestId('upcoming');
    await upcoming.getByTestId(`upcoming-${daily.id}`).getByText('· 1 in 24 h').waitFor();
    await upcoming.getByTestId(`upcoming-${minutely.id}`).getByText('· 1,440 in 24 h').waitFor();
    expect(await upcoming.getByRole('link', { name: 'Poll feed', exact: true }).count()).toBe(1);
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.goto(`${suite.server.url}/admin/runs?status=FAILED`);
    await page.getByTestId('bulk-readonly').waitFor();
    expect(await page.getByRole('checkbox', { name: /Select run/ }).count()).toBe(0);
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(PHONE.width);
  });
});
