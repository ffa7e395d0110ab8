import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite();

const HOOK = 'https://hooks.example.org/jobdeck';

/** The secret as stored (the API only ever says "set"). */
async function storedSecret(jobId: string): Promise<string | null | undefined> {
  return (await suite.server.deck.store.jobGet(jobId))?.notificationWebhooks[0]?.secret;
}

describe('job form: reliability and notification settings', () => {
  it('creates a job with retries, a timeout, a signed webhook and a long-run alert; edit shows them', async () => {
    const { page } = await suite.open({ allow: [/status of 400/] });
    await signIn(page, suite.server);

    await page.getByRole('button', { name: 'Create' }).click();
    let drawer = page.getByRole('dialog', { name: 'Create job' });
    await drawer.getByLabel('Name').fill('Reliable echo');
    await drawer.getByLabel('Task').click();
    await page.keyboard.type('Echo');
    await page.keyboard.press('Enter');
    await drawer.getByRole('button', { name: 'Advanced' }).click();
    await drawer.getByText('Attempts including the first').waitFor();
    await drawer.getByLabel('Max attempts').fill('3');
    await drawer.getByLabel('Timeout').fill('60');
    await drawer.getByRole('button', { name: 'Add webhook' }).click();
    await drawer.getByLabel('Webhook 1 URL').fill(HOOK);
    await drawer.getByLabel('Webhook 1 secret').fill('s3cret-value');
    await drawer.getByLabel('Notify when a run takes longer than').fill('120');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await page.getByText('“Reliable echo” created').waitFor();

    const job = (await suite.server.api('GET', '/jobs?q=Reliable')).hits.hits[0];
    expect(job).toMatchObject({
      max_attempts: 3,
      timeout_seconds: 60,
      retry_backoff_seconds: 10,
      retry_backoff_max_seconds: 600,
      retry_partial: false,
      notification_webhooks: [{ url: HOOK, secret: 'set' }],
      notify_running_longer_than: 120,
    });
    expect(await storedSecret(job.id)).toBe('s3cret-value');

    // The job page lists the settings; the secret only as "set".
    await page.goto(`${suite.server.url}/admin/jobs/${job.id}`);
    const settings = page.getByLabel('Settings');
    await settings.getByText(`${HOOK} (secret set)`).waitFor();
    await settings.getByText('After 2 min 0 s').waitFor();
    await settings.getByText(/^3, backoff 10 s up to 10 min 0 s$/).waitFor();
    await settings.getByText('1 min 0 s', { exact: true }).waitFor();
    await expect(page.getByText('s3cret-value').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Actions for Reliable echo' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    drawer = page.getByRole('dialog', { name: 'Edit “Reliable echo”' });
    await drawer.getByRole('button', { name: 'Advanced' }).click();
    await expect(drawer.getByLabel('Max attempts').inputValue()).resolves.toBe('3');
    await expect(drawer.getByLabel('Timeout').inputValue()).resolves.toBe('60');
    await expect(drawer.getByLabel('Notify when a run takes longer than').inputValue()).resolves.toBe('120');
    await expect(drawer.getByLabel('Webhook 1 URL').inputValue()).resolves.toBe(HOOK);
    const secret = drawer.getByLabel('Webhook 1 secret');
    await expect(secret.inputValue()).resolves.toBe('');
    await expect(secret.getAttribute('placeholder')).resolves.toBe('secret set — leave to keep');
    await expect(page.content()).resolves.not.toContain('s3cret-value');

    // Saving with the secret left empty keeps it.
    await drawer.getByLabel('Max attempts').fill('4');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await page.getByText('“Reliable echo” saved').waitFor();
    await expect(suite.server.api('GET', `/jobs/${job.id}`)).resolves.toMatchObject({
      max_attempts: 4,
      notification_webhooks: [{ url: HOOK, secret: 'set' }],
    });
    expect(await storedSecret(job.id)).toBe('s3cret-value');

    // The API's verdict on a bad URL shows under that webhook's URL field, and nothing is saved.
    await page.getByRole('button', { name: 'Actions for Reliable echo' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await drawer.getByRole('button', { name: 'Advanced' }).click();
    await drawer.getByLabel('Webhook 1 URL').fill('ftp://files.example.org/drop');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await drawer.getByTestId('webhook-1').getByText('The url must be an http(s) URL.').waitFor();
    await expect(suite.server.api('GET', `/jobs/${job.id}`)).resolves.toMatchObject({
      notification_webhooks: [{ url: HOOK, secret: 'set' }],
    });
  });
});
