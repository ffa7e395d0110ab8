/** Node socket errors that mean "the database server cannot be reached right now". */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
/** PostgreSQL: shutting down, starting up, crashed, too many connections. */
const PG_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
/** SQLite: another process holds the write lock longer than the busy timeout. */
const SQLITE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY']);
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /database is locked/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/**
 * Whether an error thrown by a query means the database is away for now (a restart, an outage,
 * a locked SQLite file) rather than that the request was wrong: callers answer 503 or retry.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 3 || error === null || typeof error !== 'object') return false;
  if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code) || PG_CODES.has(code) || SQLITE_CODES.has(code) || code.startsWith('08')) return true;
  }
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
  return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}
