import { sql } from 'kysely';
import { UnavailableError } from '../domain/errors.js';
import { describeTarget, parseDatabaseUrl } from './database-url.js';
import { KyselyStore } from './kysely-store.js';
import { migrate } from './apply-migrations.js';
import { openHostPool, openPostgres, openSqlite, type HostPoolDatabase } from './store-connection.js';
import type { TableLayout } from './table-layout.js';
import type { Store } from './store.js';

export type { HostPoolDatabase } from './store-connection.js';

export interface OpenStoreOptions {
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** Pool size on PostgreSQL (default 10). */
  poolSize?: number;
  /** Clock, for tests. */
  now?: () => number;
  /**
   * PostgreSQL behind a transaction pooler: a direct URL (not through the pooler) to LISTEN on for
   * change announcements (default JOBDECK_LISTEN_URL). Without one, changes are polled for.
   */
  listenUrl?: string;
  /** Told what the caller should log once (e.g. an earlier version's table layout was kept). */
  onNotice?: (message: string) => void;
}

/** Opens the database a URL names, checks that it answers, and applies migrations. */
export async function openStore(url: string | HostPoolDatabase, options: OpenStoreOptions = {}): Promise<Store> {
  const target = typeof url === 'string' ? parseDatabaseUrl(url) : undefined;
  const hostPool = (schema: string | undefined) => `the host's pg pool${schema ? ` (schema ${schema})` : ''}`;
  let location = target ? describeTarget(target) : hostPool((url as HostPoolDatabase).schema);
  const listenUrl = options.listenUrl ?? process.env.JOBDECK_LISTEN_URL;
  const connection = !target
    ? openHostPool(url as HostPoolDatabase)
    : target.dialect === 'sqlite'
      ? openSqlite(target.file)
      : openPostgres(target, options.poolSize ?? 10, listenUrl || undefined);
  let layout: TableLayout;
  try {
    await sql`select 1`.execute(connection.db);
    layout = await connection.layout();
    if (!target) location = hostPool(layout.schema);
    else if (target.dialect === 'postgres') location = describeTarget({ ...target, schema: layout.schema });
    if (layout.notice) options.onNotice?.(`${layout.notice} Database: ${location}.`);
    if (options.migrate ?? true) await migrate(connection, layout);
  } catch (error) {
    await connection.release().catch(() => undefined);
    if (error instanceof UnavailableError) throw error;
    throw new UnavailableError(`Cannot use the database at ${location}: ${describeCause(error)}`);
  }
  return new KyselyStore({
    ...connection,
    // Every query names Jobdeck's schema: nothing depends on a connection's search_path.
    db: layout.schema ? connection.db.withSchema(layout.schema) : connection.db,
    schema: layout.schema,
    location,
    now: options.now ?? Date.now,
  });
}

function describeCause(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return describeCause(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
