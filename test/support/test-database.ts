import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export type TestDialect = 'sqlite' | 'postgres';

export function testDialect(): TestDialect {
  const dialect = process.env.JOBDECK_TEST_DIALECT ?? 'sqlite';
  if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error(`Unknown JOBDECK_TEST_DIALECT "${dialect}"`);
  return dialect;
}

export function testPostgresUrl(): string {
  return process.env.JOBDECK_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

export interface TestDatabase {
  url: string;
  dialect: TestDialect;
  /** Removes the database (SQLite file or PostgreSQL schema). */
  drop(): Promise<void>;
}

/** A database of its own for one test: a temp SQLite file, or a fresh PostgreSQL schema. */
export function createTestDatabase(): TestDatabase {
  const dialect = testDialect();
  const name = `jd_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobdeck-test-'));
    return {
      url: `sqlite:${path.join(dir, `${name}.db`)}`,
      dialect,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = testPostgresUrl();
  return {
    url: `${base}${base.includes('?') ? '&' : '?'}schema=${name}`,
    dialect,
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        // A process the test killed may have a backend still ending its last statement on these
        // tables: the drop can then be chosen as a deadlock victim. It wins on a later try.
        for (let attempt = 1; ; attempt += 1) {
          try {
            await client.query(`drop schema if exists ${name} cascade`);
            return;
          } catch (error) {
            if ((error as { code?: string }).code !== '40P01' || attempt === 5) throw error;
            await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}
