import { describe, expect, it } from 'vitest';
import { PHONE, screenshot, signIn } from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite();

describe('on a phone (390×844)', () => {
  it('lists jobs without sideways scrolling of the page and runs one from the keyboard', async () => {
    const job = await suite.server.api('POST', '/jobs', {
      title: 'Phone job',
      task: 'test.echo',
      schedule: { type: 'interval', hours: 1 },
    });
    const { page } = await suite.open({ viewport: PHONE });
    await signIn(page, suite.server, 'operator');
    await page.getByRole('link', { name: 'Phone job' }).waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await screenshot(page, 'jobs-list-phone');

    // Keyboard only: focus the row's actions, open the menu, choose, run.
    await page.getByRole('button', { name: 'Actions for Phone job' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Configure and run…' }).waitFor();
    // The menu takes arrow keys only once it has finished opening (on a loaded machine, later
    // than its items appear): press until the first item is the active one, then choose it.
    const active = page.locator('.ant-dropdown-menu-item-active');
    for (let tries = 0; tries < 30 && (await active.count()) === 0; tries += 1) {
      await page.keyboard.press('ArrowDown');
      await active
        .first()
        .waitFor({ timeout: 200 })
        .catch(() => undefined);
    }
    expect(await active.first().textContent()).toBe('Configure and run…');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Run' }).click();
    await page.waitForURL(/\/admin\/runs\/\d+$/);
    await suite.server.waitFor(async () => (await suite.server.api('GET', `/jobs/${job.id}/runs`)).hits.total === 1);
  });
});
