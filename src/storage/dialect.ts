import { sql, type RawBuilder } from 'kysely';

/**
 * What differs between the databases, said once. Code above storage never asks which database it
 * is on; storage code asks for a capability or a fragment from here.
 */
export interface DialectTraits {
  name: 'sqlite' | 'postgres';
  /** `FOR UPDATE SKIP LOCKED` exists (PostgreSQL); SQLite serialises writers instead. */
  skipLocked: boolean;
  /** Other processes' writes are announced (LISTEN/NOTIFY) rather than discovered by polling. */
  listenNotify: boolean;
  /** How a boolean is bound as a parameter. */
  bool(value: boolean): boolean | number;
  /** A table-valued expansion of a JSON array parameter, one row per element, aliased `j(value)`. */
  jsonRows(json: string): RawBuilder<unknown>;
  /** Turns a text expression holding JSON into the type of the JSON columns. */
  asJson(text: RawBuilder<unknown>): RawBuilder<unknown>;
  /** Case-insensitive LIKE operator. */
  ilike: 'ilike' | 'like';
  /** Starts a transaction that will write: SQLite must take the write lock up front. */
  beginWrite: RawBuilder<unknown>;
  /**
   * A partial index is used only when the query repeats its predicate (SQLite does not see that
   * `status IN ('RUNNING')` falls within `status IN ('QUEUED', 'RUNNING', …)`); PostgreSQL does.
   */
  repeatIndexPredicate: boolean;
  /**
   * Columns as one JSON array text: a row of one value reaches JavaScript much faster than an
   * object of many columns (better-sqlite3 builds each column's property one by one).
   */
  jsonArray(columns: readonly string[]): RawBuilder<string>;
  /**
   * The planner joins rows of `jsonRows` to a table through its primary key by itself (SQLite);
   * PostgreSQL needs the ids as literals too (see runsFinish).
   */
  jsonJoinUsesKey: boolean;
}

const refs = (columns: readonly string[]) => sql.join(columns.map((column) => sql.ref(column)));

export const sqliteTraits: DialectTraits = {
  name: 'sqlite',
  skipLocked: false,
  listenNotify: false,
  bool: (value) => (value ? 1 : 0),
  jsonRows: (json) => sql`json_each(${json}) as j`,
  asJson: (text) => text,
  // SQLite's LIKE is case-insensitive for ASCII already.
  ilike: 'like',
  beginWrite: sql`begin immediate`,
  repeatIndexPredicate: true,
  jsonArray: (columns) => sql<string>`json_array(${refs(columns)})`,
  jsonJoinUsesKey: true,
};

export const postgresTraits: DialectTraits = {
  name: 'postgres',
  skipLocked: true,
  listenNotify: true,
  bool: (value) => value,
  jsonRows: (json) => sql`jsonb_array_elements(cast(${json} as jsonb)) as j(value)`,
  asJson: (text) => sql`cast(${text} as jsonb)`,
  ilike: 'ilike',
  beginWrite: sql`begin`,
  repeatIndexPredicate: false,
  jsonArray: (columns) => sql<string>`cast(json_build_array(${refs(columns)}) as text)`,
  jsonJoinUsesKey: false,
};
