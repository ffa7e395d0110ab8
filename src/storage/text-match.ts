import { sql, type RawBuilder } from 'kysely';
import type { DialectTraits } from './dialect.js';

/** `column` contains `text`, case-insensitively, with LIKE wildcards in `text` taken literally. */
export function containsText(traits: DialectTraits, column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} ${sql.raw(traits.ilike)} ${pattern} escape '\\'`;
}
