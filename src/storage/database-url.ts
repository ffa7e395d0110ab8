import path from 'node:path';
import { ConfigurationError } from '../domain/errors.js';

/** `transaction`: a transaction-pooling proxy (PgBouncer, Supavisor, RDS Proxy) sits in between. */
type Pooler = 'transaction' | 'none';

export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; connectionString: string; schema: string | undefined; pooler: Pooler };

export const DEFAULT_DATABASE_URL = 'sqlite:./jobdeck.db';

/**
 * Reads `sqlite:./file.db`, `sqlite:///abs/file.db`, `sqlite::memory:`, a bare file path, or
 * `postgres://user@host:port/db?schema=name&pooler=transaction`. Without `schema` Jobdeck uses its
 * own (see table-layout.ts).
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  const text = url.trim();
  if (/^postgres(ql)?:\/\//i.test(text)) {
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      throw new ConfigurationError(`Database URL "${redactUrl(text)}" is not a valid URL.`);
    }
    const schema = parsed.searchParams.get('schema') ?? undefined;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/i.test(schema)) {
      throw new ConfigurationError(`Schema "${schema}" is not a plain identifier (letters, digits and "_").`);
    }
    const pooler = parsed.searchParams.get('pooler') ?? 'none';
    if (pooler !== 'transaction' && pooler !== 'none') {
      throw new ConfigurationError(`pooler=${pooler} is not supported: use pooler=transaction (or leave it out).`);
    }
    parsed.searchParams.delete('schema');
    parsed.searchParams.delete('pooler');
    return { dialect: 'postgres', connectionString: parsed.toString(), schema, pooler };
  }
  if (/^sqlite:/i.test(text)) {
    let file = text.slice('sqlite:'.length);
    if (file.startsWith('//')) file = file.slice(2);
    if (!file) throw new ConfigurationError('The sqlite: database URL names no file.');
    return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw new ConfigurationError(
      `Unsupported database URL "${redactUrl(text)}": use sqlite:./file.db or postgres://user@host:5432/db.`,
    );
  }
  if (!text) throw new ConfigurationError('The database URL is empty.');
  return { dialect: 'sqlite', file: path.resolve(text) };
}

/** The URL with any password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  // The user info ends at the last "@" before the path: passwords may contain "@" and "/".
  const match = /^([a-z][a-z0-9+.-]*:\/\/)(.*)@([^@]*)$/i.exec(url.split(/[?#]/)[0]!);
  if (!match) return url.replace(/[?#].*$/, '');
  const [user, ...password] = match[2]!.split(':');
  return `${match[1]}${user}${password.length ? ':***' : ''}@${match[3]}`;
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.dialect === 'sqlite') return `sqlite:${target.file}`;
  // Query parameters may carry a password (?password=…): they are left out.
  const base = redactUrl(target.connectionString);
  const notes = [target.schema && `schema ${target.schema}`, target.pooler !== 'none' && `${target.pooler} pooler`];
  const text = notes.filter(Boolean).join(', ');
  return text ? `${base} (${text})` : base;
}
