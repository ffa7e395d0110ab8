import { expect, it } from 'vitest';
import { ConfigurationError } from '../../src/domain/errors.js';
import { OutboundPolicy } from '../../src/engine/outbound-policy.js';

it('refuses every range but public unicast, IPv4-mapped forms included', () => {
  const policy = new OutboundPolicy();
  const refused = {
    '127.0.0.1': 'loopback',
    '10.1.2.3': 'private',
    '172.16.0.1': 'private',
    '192.168.1.1': 'private',
    '100.64.0.1': 'carrierGradeNat',
    '169.254.169.254': 'linkLocal',
    '0.0.0.0': 'unspecified',
    '::1': 'loopback',
    '::': 'unspecified',
    'fc00::1': 'uniqueLocal',
    'fe80::1': 'linkLocal',
    '::ffff:127.0.0.1': 'loopback',
    '::ffff:10.0.0.1': 'private',
  };
  for (const [address, range] of Object.entries(refused)) expect(policy.refusal(address), address).toBe(range);
  for (const address of ['93.184.216.34', '2606:2800:220:1::1']) expect(policy.refusal(address)).toBeUndefined();
});

it('allows what the config and JOBDECK_OUTBOUND_ALLOW list, and refuses a malformed entry', () => {
  const policy = OutboundPolicy.from(
    { allow: ['10.0.0.0/8', 'internal.example.org'] },
    { JOBDECK_OUTBOUND_ALLOW: '127.0.0.1, *.corp.example' },
  );
  expect(policy.refusal('10.9.8.7')).toBeUndefined();
  expect(policy.refusal('::ffff:127.0.0.1')).toBeUndefined();
  expect(policy.refusal('192.168.0.1')).toBe('private');
  expect(policy.hostAllowed('Internal.Example.org')).toBe(true);
  expect(policy.hostAllowed('db.corp.example')).toBe(true);
  expect(policy.hostAllowed('example.org')).toBe(false);
  expect(() => new OutboundPolicy(['10.0.0.0/99'])).toThrow(ConfigurationError);
});

it('refuses before connecting, for addresses in the URL and for names resolving to them', async () => {
  const policy = new OutboundPolicy();
  await expect(policy.fetch('http://127.0.0.1:1/')).rejects.toThrow(/127\.0\.0\.1 is a loopback address/);
  await expect(policy.fetch('http://localhost:1/')).rejects.toThrow(/is a loopback address/);
  await expect(policy.fetch('http://[::1]:1/')).rejects.toThrow(/::1 is a loopback address/);
});
