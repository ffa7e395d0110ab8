import { describe, expect, it } from 'vitest';
import { PHONE, screenshot, signIn } from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite({ logFailedResponses: true });

const tokyoTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Tokyo',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

describe('calendar and run comparison', () => {
  it('shows the next fires of a 0 3 * * * job in its own time zone and in the one chosen', async () => {
    const job = await suite.server.api('POST', '/jobs', {
      title: 'Paris at three',
      task: 'test.echo',
      schedule: { type: 'crontab', expression: '0 3 * * *', timezone: 'Europe/Paris' },
    });
    const { page } = await suite.open();
    await signIn(page, suite.server, 'viewer');
    await page.getByRole('link', { name: 'Calendar' }).click();
    await page.waitForURL(/\/admin\/calendar$/);

    // Shown in Tokyo time: each fire at 03:00 Paris time, i.e. 10:00 or 11:00 in Tokyo by the season.
    await page.getByLabel('Time zone').fill('Asia/Tokyo');
    await page.locator('.ant-select-item-option[title="Asia/Tokyo"]').click();
    await page.waitForURL(/tz=Asia%2FTokyo/);
    const next = new Date(job.next_run).toISOString();
    const first = page.getByRole('link', { name: `${tokyoTime(next)} Paris at three: scheduled (03:00 Europe/Paris)` });
    await first.first().waitFor();
    expect(await page.getByTestId('calendar-entry').count()).toBeGreaterThanOrEqual(6);
    await screenshot(page, 'calendar');

    // In the job's own zone: 03:00, with no second time.
    await page.getByLabel('Time zone').fill('Europe/Paris');
    await page.locator('.ant-select-item-option[title="Europe/Paris"]').click();
    await page.getByRole('link', { name: '03:00 Paris at three: scheduled', exact: true }).first().waitFor();

    // Day view, keyboard: the first entry is a link reached with Tab.
    await page.getByText('Day', { exact: true }).click();
    await page.waitForURL(/view=day/);
    await page.locator('section[data-day]').first().waitFor();
    expect(await page.locator('section[data-day]').count()).toBe(1);
  });

  it('compares two runs side by side from the runs table, and the calendar fits a phone', async () => {
    const job = await suite.server.api('POST', '/jobs', { title: 'Echo twice', task: 'test.echo' });
    const a = await suite.server.api('POST', `/jobs/${job.id}/runs`, { args: { lines: ['alpha', 'beta'] } });
    const b = await suite.server.api('POST', `/jobs/${job.id}/runs`, { args: { lines: ['alpha', 'gamma', 'delta'] } });
    for (const run of [a, b]) {
      await suite.server.waitFor(async () => (await suite.server.api('GET', `/runs/${run.id}`)).status === 'SUCCESS');
    }
    const { page } = await suite.open();
    await signIn(page, suite.server, 'viewer');
    await page.goto(`${suite.server.url}/admin/jobs/${job.id}`);
    await page.getByLabel(`Pick run ${a.id} to compare`).check();
    await page.getByLabel(`Pick run ${b.id} to compare`).check();
    await page.getByRole('button', { name: `Compare runs ${a.id} and ${b.id}` }).click();
    await page.waitForURL(new RegExp(`/admin/compare\\?a=${a.id}&b=${b.id}$`));

    await page.getByRole('heading', { name: `Run ${a.id} and run ${b.id}` }).waitFor();
    // The breadcrumb names the job and links to it.
    const crumb = page.locator('.ant-breadcrumb').getByRole('link', { name: 'Echo twice', exact: true });
    expect(await crumb.getAttribute('href')).toMatch(new RegExp(`/jobs/${job.id}$`));
    const args = page.getByRole('table', { name: 'Arguments' });
    await args.getByText('gamma').waitFor();
    const divergence = page.getByTestId('divergence');
    await divergence.getByText(/first differ at line/).waitFor();
    expect(await divergence.textContent()).toContain('gamma');
    const lines = page.locator('tr[data-row-key="log-info"]');
    expect(await lines.textContent()).toMatch(/\+1/);
    await screenshot(page, 'compare-runs');

    const phone = await suite.open({ viewport: PHONE });
    await signIn(phone.page, suite.server, 'viewer');
    await phone.page.goto(`${suite.server.url}/admin/calendar`);
    await phone.page.locator('section[data-day]').first().waitFor();
    const width = await phone.page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(PHONE.width);
  });

  it('collapses a dense series into one line per day that opens on click, and stays short', async () => {
    await suite.server.api('POST', '/jobs', {
      title: 'Every minute feed',
      task: 'test.echo',
      schedule: { type: 'crontab', expression: '* * * * *', timezone: 'UTC' },
    });
    const { page } = await suite.open();
    await signIn(page, suite.server, 'viewer');
    await page.goto(`${suite.server.url}/admin/calendar?tz=UTC`);
    const summary = page.getByRole('button', {
      name: /Every minute feed · [\d,]+ fires, Every minute \(UTC\), \d\d:\d\d–\d\d:\d\d/,
    });
    await summary.first().waitFor();
    // The week was 27,530 px tall with every fire listed; one line per day keeps it a screen or two.
    expect(await page.evaluate<number>('document.documentElement.scrollHeight')).toBeLessThan(3000);
    const fires = page.getByRole('link', { name: /Every minute feed: scheduled/ });
    expect(await fires.count()).toBe(0);

    // Keyboard: the summary is a button; Enter opens the day's fires, Enter again closes them.
    await summary.first().focus();
    await page.keyboard.press('Enter');
    expect(await summary.first().getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => fires.count(), { timeout: 10_000 }).toBeGreaterThan(6);
    await page.keyboard.press('Enter');
    await expect.poll(() => fires.count(), { timeout: 10_000 }).toBe(0);

    const phone = await suite.open({ viewport: PHONE });
    await signIn(phone.page, suite.server, 'viewer');
    await phone.page.goto(`${suite.server.url}/admin/calendar?tz=UTC`);
    await phone.page.getByTestId('calendar-series').first().waitFor();
    expect(await phone.page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
  });
});
