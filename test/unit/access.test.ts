import { describe, expect, it } from 'vitest';
import { ROLES, can } from '../../src/domain/access.js';
import { fieldDiff } from '../../src/service/audit-service.js';

describe('roles', () => {
  it('lets admins do everything, operators read and run, viewers read', () => {
    const allowed = Object.fromEntries(
      ROLES.map((role) => [role, (['read', 'run', 'admin'] as const).filter((action) => can(role, action))]),
    );
    expect(allowed).toEqual({ admin: ['read', 'run', 'admin'], operator: ['read', 'run'], viewer: ['read'] });
  });
});

describe('fieldDiff', () => {
  it('lists changed top-level fields as JSON, comparing values deeply', () => {
    const before = { title: 'A', args: { n: 1 }, tags: ['x'], when: new Date('2026-01-01T00:00:00Z'), gone: 1 };
    const after = { title: 'B', args: { n: 1 }, tags: ['x', 'y'], when: new Date('2026-01-02T00:00:00Z'), added: null };
    expect(fieldDiff(before, after)).toEqual({
      title: { from: 'A', to: 'B' },
      tags: { from: ['x'], to: ['x', 'y'] },
      when: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' },
      gone: { from: 1, to: null },
      added: { from: null, to: null },
    });
    expect(fieldDiff({ a: { b: [1] } }, { a: { b: [1] } })).toEqual({});
  });
});
