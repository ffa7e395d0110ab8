import type pg from 'pg';
import { jobdeckPgTypes } from './host-connection.js';

/**
 * A host program's `pg.Pool`, used by Jobdeck for all its statements. The host's connections
 * keep the host's settings: Jobdeck reads its rows with its own type parsers (given per query),
 * and when its tables live in their own schema it points `search_path` there for as long as it
 * holds a connection, and resets it before giving the connection back. That costs one statement
 * at each checkout and one at each return; a dedicated pool (a database URL) needs neither.
 * Behind a transaction pooler (PgBouncer) session settings do not hold: give Jobdeck a URL.
 */
export class HostPool {
  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string | undefined,
  ) {}

  /** The host pool's connection settings, for Jobdeck's own LISTEN connection. */
  get clientConfig(): pg.ClientConfig {
    return { ...this.pool.options, types: jobdeckPgTypes };
  }

  async connect(): Promise<pg.PoolClient> {
    const client = await this.pool.connect();
    if (this.schema) {
      try {
        await client.query({ text: "select set_config('search_path', $1, false)", values: [this.schema] });
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
    }
    return withJobdeckTypes(client, this.schema !== undefined);
  }

  async query(config: string | pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult> {
    const client = await this.connect();
    try {
      return await client.query(config as pg.QueryConfig, values);
    } finally {
      client.release();
    }
  }

  on(): this {
    return this;
  }

  /** The host ends its pool, not Jobdeck. */
  async end(): Promise<void> {}
}

/** The client with Jobdeck's type parsers on each query, and search_path reset on release. */
function withJobdeckTypes(client: pg.PoolClient, resetPath: boolean): pg.PoolClient {
  const query = (config: unknown, values?: unknown[]) => {
    if (typeof config === 'string') return client.query({ text: config, values: values ?? [], types: jobdeckPgTypes });
    // Streams (COPY, cursors) are submitted as they are.
    if (typeof (config as { submit?: unknown }).submit === 'function') return client.query(config as pg.Submittable);
    return client.query({ ...(config as pg.QueryConfig), types: jobdeckPgTypes }, values);
  };
  const release = (error?: Error | boolean) => {
    if (error || !resetPath) return client.release(error);
    client.query('reset search_path').then(
      () => client.release(),
      (failed: Error) => client.release(failed),
    );
  };
  return Object.assign(Object.create(client) as pg.PoolClient, { query, release });
}
