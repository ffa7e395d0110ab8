import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl, redactUrl } from '../../src/storage/database-url.js';

describe('database URLs', () => {
  it('reads SQLite forms', () => {
    expect(parseDatabaseUrl('sqlite:./jobdeck.db')).toEqual({ dialect: 'sqlite', file: path.resolve('jobdeck.db') });
    expect(parseDatabaseUrl('sqlite:///tmp/x.db')).toEqual({ dialect: 'sqlite', file: '/tmp/x.db' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', file: ':memory:' });
    expect(parseDatabaseUrl('data/j.db')).toEqual({ dialect: 'sqlite', file: path.resolve('data/j.db') });
  });

  it('reads PostgreSQL URLs with an optional schema', () => {
    expect(parseDatabaseUrl('postgres://u:pw@h:5432/db?schema=tenant_1')).toEqual({
      dialect: 'postgres',
      connectionString: 'postgres://u:pw@h:5432/db',
      schema: 'tenant_1',
      pooler: 'none',
    });
    expect(() => parseDatabaseUrl('postgres://h/db?schema=a;drop')).toThrow(/not a plain identifier/);
  });

  it('reads the pooler setting and refuses unknown poolers', () => {
    expect(parseDatabaseUrl('postgres://h:6543/db?pooler=transaction&sslmode=require')).toEqual({
      dialect: 'postgres',
      connectionString: 'postgres://h:6543/db?sslmode=require',
      schema: undefined,
      pooler: 'transaction',
    });
    expect(() => parseDatabaseUrl('postgres://h/db?pooler=statement')).toThrow(/pooler=statement is not supported/);
  });

  it('refuses other schemes and never echoes a password', () => {
    expect(() => parseDatabaseUrl('mysql://root:secret@h/db')).toThrow(
      /Unsupported database URL "mysql:\/\/root:\*\*\*@h\/db"/,
    );
    expect(redactUrl('postgres://me:secret@host/db')).toBe('postgres://me:***@host/db');
    expect(redactUrl('postgres://me:p@ss/w@host/db?password=x')).toBe('postgres://me:***@host/db');
    expect(redactUrl('postgres://me@host/db')).toBe('postgres://me@host/db');
  });
});
