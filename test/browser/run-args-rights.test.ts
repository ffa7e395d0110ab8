import { describe, expect, it } from 'vitest';
import { signIn, type TestPage } from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite();

async function openRunDialog(page: TestPage['page'], jobId: string) {
  await page.goto(`${suite.server.url}/admin/jobs/${jobId}`);
  // Generous: on a loaded machine the page may take a while to settle after loading.
  await page.getByRole('button', { name: 'Configure and run…' }).click({ timeout: 30_000 });
  return page.getByRole('dialog', { name: /Configure and run/ });
}

describe('Configure and run as an operator', () => {
  it('shows what the role may not change read-only, with why, and runs with what it may', async () => {
    const request = await suite.server.api('POST', '/jobs', {
      title: 'Call the API',
      task: 'http.request',
      args: { url: 'https://api.example.org/', headers: { Authorization: 'Bearer hidden-value' } },
    });
    const wait = await suite.server.api('POST', '/jobs', {
      title: 'Wait a bit',
      task: 'demo.wait',
      args: { seconds: 30 },
    });
    const { page } = await suite.open();
    await signIn(page, suite.server, 'operator');

    let dialog = await openRunDialog(page, request.id);
    await dialog
      .getByText('Your role may run this job with its saved arguments; changing them needs an admin.')
      .waitFor();
    // rjsf's antd theme renders a read-only field as a disabled input.
    await expect(dialog.getByLabel('url').isDisabled()).resolves.toBe(true);
    expect(await dialog.getByText(/Read-only: changing it needs the admin role/).count()).toBeGreaterThan(0);
    await expect(dialog.getByLabel('Since').isDisabled()).resolves.toBe(true);
    expect(await dialog.textContent()).not.toContain('hidden-value');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    dialog = await openRunDialog(page, wait.id);
    await dialog.getByText('Your role may change only: seconds, since.', { exact: false }).waitFor();
    const seconds = dialog.getByLabel('seconds');
    await expect(seconds.isDisabled()).resolves.toBe(false);
    await seconds.fill('0');
    await dialog.getByRole('button', { name: 'Run' }).click();
    await page.waitForURL(/\/admin\/runs\/\d+$/);
    const run = (await suite.server.api('GET', `/jobs/${wait.id}/runs`)).hits.hits[0];
    expect(run.args).toEqual({ seconds: 0 });
  });
});
