import { describe, expect, it } from 'vitest';
import { nextAttemptDelayMs, type NotificationPayload } from '../../src/domain/notification.js';
import { redactSecrets, resolveNotificationConfig, signBody } from '../../src/notifications/channels.js';
import { emailFor, formatDuration } from '../../src/notifications/message.js';
import { keepWebhookSecrets, parseWebhooks } from '../../src/notifications/settings.js';

const payload: NotificationPayload = {
  event: 'missed',
  status: 'MISSED',
  job: { id: 'j1', title: 'Nightly\r\nBcc: evil@example.org', task: 't' },
  run: null,
  slot: {
    scheduled_for: '2026-01-01T00:00:00.000Z',
    last_scheduled_for: '2026-01-01T04:00:00.000Z',
    count: 5,
    reason: 'missed: <no scheduler>',
  },
  url: 'https://jobs.example.org/admin/jobs/j1?a=1&b=2',
  time: '2026-01-01T04:00:05.000Z',
};

describe('notification messages', () => {
  it('keeps line breaks out of the subject and escapes the HTML', () => {
    const mail = emailFor(payload);
    expect(mail.subject).toBe('MISSED: Nightly Bcc: evil@example.org');
    expect(mail.text).toContain('Scheduled for: 2026-01-01T00:00:00.000Z … 2026-01-01T04:00:00.000Z (5 slots)');
    expect(mail.html).toContain('missed: &lt;no scheduler&gt;');
    expect(mail.html).toContain('href="https://jobs.example.org/admin/jobs/j1?a=1&amp;b=2"');
  });

  it('formats durations and backoff', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(3_723_000)).toBe('1 h 2 min 3 s');
    expect(formatDuration(null)).toBe('—');
    expect([1, 2, 3].map((n) => nextAttemptDelayMs(n, 5000))).toEqual([5000, 20_000, 80_000]);
  });

  it('signs the raw body and scrubs secrets from errors', () => {
    expect(signBody('k', '{"a":1}')).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signBody('k', '{"a":1}')).not.toBe(signBody('k', '{"a": 1}'));
    expect(redactSecrets('connect to smtp://user:pa55@host failed (pa55)', ['pa55'])).toBe(
      'connect to smtp://***@host failed (***)',
    );
  });

  it('takes the SMTP settings from the config, then the environment', () => {
    const env = { JOBDECK_SMTP_URL: 'smtp://env:25', JOBDECK_MAIL_FROM: 'env@x', JOBDECK_PUBLIC_URL: 'https://env' };
    expect(resolveNotificationConfig({ smtp: 'smtp://cfg:25' }, env)).toEqual({
      smtp: 'smtp://cfg:25',
      mailFrom: 'env@x',
      publicUrl: 'https://env',
    });
    expect(resolveNotificationConfig({}, {})).toEqual({
      smtp: '',
      mailFrom: 'jobdeck@localhost',
      publicUrl: 'http://localhost:3000',
    });
  });
});

describe('notification settings', () => {
  it('validates webhooks', () => {
    expect(parseWebhooks(['https://a.example/h', { url: 'http://b.example', secret: 's' }])).toEqual([
      { url: 'https://a.example/h', secret: null },
      { url: 'http://b.example', secret: 's' },
    ]);
    expect(() => parseWebhooks([{ url: 'ftp://x' }])).toThrow(/not valid/i);
    expect(() => parseWebhooks([{ url: 'https://x', extra: 1 }])).toThrow();
  });

  it('keeps a stored secret when "set" is sent back for the same URL', () => {
    const current = [{ url: 'https://a', secret: 'old' }];
    expect(keepWebhookSecrets([{ url: 'https://a', secret: 'set' }], current)).toEqual(current);
    expect(keepWebhookSecrets([{ url: 'https://b', secret: 'set' }], current)).toEqual([
      { url: 'https://b', secret: null },
    ]);
    expect(keepWebhookSecrets([{ url: 'https://a', secret: 'new' }], current)).toEqual([
      { url: 'https://a', secret: 'new' },
    ]);
  });
});
