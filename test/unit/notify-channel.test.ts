import { describe, expect, it } from 'vitest';
import { notifyChannel } from '../../src/storage/notifier.js';

describe('notifyChannel', () => {
  it('keeps the plain channel of earlier versions for the default layouts', () => {
    expect(notifyChannel(undefined)).toBe('jobdeck');
    expect(notifyChannel('jobdeck')).toBe('jobdeck');
    expect(notifyChannel('public')).toBe('jobdeck');
  });

  it('gives every other schema a channel of its own, within 63 bytes', () => {
    expect(notifyChannel('tenant_a')).toBe('jobdeck.tenant_a');
    expect(notifyChannel('Tenant_A')).toBe('jobdeck.Tenant_A');
    const long = (last: string) => `${'s'.repeat(62)}${last}`;
    const [a, b] = [notifyChannel(long('a')), notifyChannel(long('b'))];
    expect(a).not.toBe(b);
    expect(a.length).toBe(63);
    expect(a.startsWith('jobdeck.sss')).toBe(true);
  });
});
