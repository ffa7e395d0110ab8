import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import { pgDriver } from './pg-driver.js';
import { ConfigurationError } from '../domain/errors.js';
import { notifyChannel, type Notifier } from './notifier.js';
import type { Database } from './schema.js';

/**
 * A host program's open transaction on PostgreSQL, in which Jobdeck writes its rows (transactional
 * enqueue): a `pg` client after BEGIN (`pg.PoolClient`, `pg.Client`; Prisma's and Drizzle's
 * node-postgres clients too), or a Kysely transaction (`db.transaction().execute(trx => …)`).
 */
export type HostTransaction = HostPgClient | HostKyselyTransaction;

/**
 * What Jobdeck uses of a `pg` client: `query({ text, values, types })` answering `{ rows }` (and
 * `rowCount`). An ORM's raw-query escape can be wrapped into this shape (see docs/library.md).
 */
interface HostPgClient {
  query(config: pg.QueryConfig): Promise<Pick<pg.QueryResult, 'rows'> & Partial<pg.QueryResult>>;
}

/** What Jobdeck uses of a Kysely transaction, whatever the host's database type. */
interface HostKyselyTransaction {
  readonly isTransaction: boolean;
  withSchema(schema: string): unknown;
}

/**
 * The types Jobdeck reads rows with: JSON as text and BIGINT as a number on every dialect (see
 * schema.ts). A host's pool keeps its own parsers; Jobdeck passes these with each of its queries.
 */
export const jobdeckPgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20) return (value: string) => Number(value);
    if (oid === 114 || oid === 3802) return (value: string) => value;
    return pgDriver().types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

function isKyselyTransaction(tx: HostTransaction): tx is HostKyselyTransaction {
  return typeof (tx as HostKyselyTransaction).withSchema === 'function';
}

/**
 * Kysely over the host's transaction, with Jobdeck's tables qualified by `schema` (the host's
 * search_path is the host's). Statements issued through it must not open a transaction of their
 * own: the host's BEGIN … COMMIT is the transaction.
 */
export function hostTransactionDb(tx: HostTransaction, schema: string): Kysely<Database> {
  if (isKyselyTransaction(tx)) {
    if (!tx.isTransaction) {
      throw new ConfigurationError(
        'The `tx` given is a Kysely instance, not a transaction: call Jobdeck inside db.transaction().execute(trx => …) and pass trx.',
      );
    }
    return tx.withSchema(schema) as Kysely<Database>;
  }
  if (typeof (tx as HostPgClient).query !== 'function') {
    throw new ConfigurationError('The `tx` given is neither a pg client (inside BEGIN) nor a Kysely transaction.');
  }
  const client = {
    query: (text: string, values: unknown[]) => tx.query({ text, values, types: jobdeckPgTypes }),
    // The host gives the client back to its pool, after its COMMIT or ROLLBACK.
    release: () => undefined,
  };
  const pool = { connect: async () => client, end: async () => undefined };
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }),
  }).withSchema(schema);
}

/**
 * Announces changes from inside the host's transaction: PostgreSQL delivers a NOTIFY when (and
 * only if) the transaction commits, so workers wake for a run exactly when they can see it.
 */
export class TransactionNotifier implements Notifier {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly schema: string,
  ) {}

  async publish(event: Parameters<Notifier['publish']>[0]): Promise<void> {
    // An integer result, not pg_notify's void, which some clients (raw-query escapes of ORMs)
    // cannot read.
    await sql`select count(*)::int as notified from (select pg_notify(${notifyChannel(this.schema)}, ${JSON.stringify(event)})) n`.execute(
      this.db,
    );
  }

  subscribe(): () => void {
    throw new Error('A store bound to a host transaction cannot be subscribed to.');
  }

  async close(): Promise<void> {}
}
