// The PostgreSQL side of the comparison: a fresh database per measurement, and the server's own
// counters read around each phase (transactions, rows, WAL), so every system is measured alike.
import pg from 'pg';

export interface PgCounters {
  lsn: string;
  xacts: number;
  rowsWritten: number;
  /** pg_stat_statements calls in this database, when the server preloads it. */
  statements: number | undefined;
}

export interface PgPhaseStats {
  transactions: number;
  rowsWritten: number;
  statements: number | undefined;
  /** WAL written by the whole server during the phase. */
  walBytes: number;
  /** Of which records touching this database's relations (pg_walinspect), when readable. */
  databaseWalBytes: number | undefined;
}

export class PostgresAdmin {
  readonly #baseUrl: string;
  readonly #admin: pg.Client;
  #statementsAvailable = false;

  private constructor(baseUrl: string) {
    this.#baseUrl = baseUrl;
    this.#admin = new pg.Client({ connectionString: baseUrl });
  }

  static async connect(baseUrl: string): Promise<PostgresAdmin> {
    const admin = new PostgresAdmin(baseUrl);
    await admin.#admin.connect();
    const { rows } = await admin.#admin.query<{ on: boolean }>(
      `select current_setting('shared_preload_libraries') like '%pg_stat_statements%' as on`,
    );
    admin.#statementsAvailable = rows[0]!.on;
    // Its view is read from this connection's database.
    if (admin.#statementsAvailable) await admin.#admin.query('create extension if not exists pg_stat_statements');
    return admin;
  }

  get statementsAvailable(): boolean {
    return this.#statementsAvailable;
  }

  urlOf(database: string): string {
    const url = new URL(this.#baseUrl);
    url.pathname = `/${database}`;
    return url.toString();
  }

  async version(): Promise<string> {
    const { rows } = await this.#admin.query<{ v: string }>('select version() as v');
    return rows[0]!.v;
  }

  async createDatabase(name: string): Promise<void> {
    await this.#admin.query(`drop database if exists ${name} with (force)`);
    await this.#admin.query(`create database ${name}`);
    await this.inDatabase(name, async (client) => {
      await client.query('create extension if not exists pg_walinspect').catch(() => undefined);
      if (this.#statementsAvailable) await client.query('create extension if not exists pg_stat_statements');
    });
  }

  async dropDatabase(name: string): Promise<void> {
    await this.#admin.query(`drop database if exists ${name} with (force)`);
  }

  async counters(database: string): Promise<PgCounters> {
    // Backends of a child that just exited flush their statistics as they end.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await this.#admin.query('select pg_stat_clear_snapshot()');
    const { rows } = await this.#admin.query<{ lsn: string; xacts: string; rows: string }>(
      `select pg_current_wal_lsn()::text as lsn, xact_commit + xact_rollback as xacts,
              tup_inserted + tup_updated + tup_deleted as rows
         from pg_stat_database where datname = $1`,
      [database],
    );
    const row = rows[0]!;
    let statements: number | undefined;
    if (this.#statementsAvailable) {
      const result = await this.#admin.query<{ n: string | null }>(
        `select sum(calls) as n from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = $1`,
        [database],
      );
      statements = Number(result.rows[0]!.n ?? 0);
    }
    return { lsn: row.lsn, xacts: Number(row.xacts), rowsWritten: Number(row.rows), statements };
  }

  async phaseStats(database: string, before: PgCounters, after: PgCounters): Promise<PgPhaseStats> {
    const wal = await this.#admin.query<{ bytes: string }>('select pg_wal_lsn_diff($2::pg_lsn, $1::pg_lsn) as bytes', [
      before.lsn,
      after.lsn,
    ]);
    return {
      transactions: after.xacts - before.xacts,
      rowsWritten: after.rowsWritten - before.rowsWritten,
      statements:
        before.statements === undefined || after.statements === undefined
          ? undefined
          : after.statements - before.statements,
      walBytes: Number(wal.rows[0]!.bytes),
      databaseWalBytes: await this.#databaseWal(database, before.lsn, after.lsn),
    };
  }

  /** WAL records that reference a relation of this database ("rel <tablespace>/<db oid>/…"). */
  async #databaseWal(database: string, from: string, to: string): Promise<number | undefined> {
    // pg_walinspect refuses an empty range: nothing was written.
    if (from === to) return 0;
    try {
      return await this.inDatabase(database, async (client) => {
        const { rows } = await client.query<{ bytes: string | null }>(
          `select sum(record_length) as bytes from pg_get_wal_records_info($1, $2)
            where block_ref like '%/' || (select oid from pg_database where datname = current_database()) || '/%'`,
          [from, to],
        );
        return Number(rows[0]!.bytes ?? 0);
      });
    } catch {
      // The WAL may have been recycled by a checkpoint already, or the extension is missing.
      return undefined;
    }
  }

  async inDatabase<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.urlOf(database) });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** A statement on the server's admin connection (probes' own counters). */
  async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    return (await this.#admin.query<R>(text, values)).rows;
  }

  async close(): Promise<void> {
    await this.#admin.end();
  }
}
