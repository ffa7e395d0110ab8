import pg from 'pg';
import { testPostgresUrl } from './test-database.js';

/**
 * The PostgreSQL tests fail, never skip, when the server is unreachable: a green run must mean
 * both dialects were tested. Run `npm run test:sqlite` to test SQLite alone.
 */
export default async function setup(): Promise<void> {
  const url = testPostgresUrl();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${url} (${(error as Error).message}). Start it, set ` +
        'JOBDECK_TEST_POSTGRES_URL, or run only SQLite with JOBDECK_TEST_DIALECTS=sqlite.',
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
