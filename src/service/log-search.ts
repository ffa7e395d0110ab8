import { parseDateTime } from '../domain/date-time.js';
import { fieldError, ValidationError } from '../domain/errors.js';
import { MAX_SEARCH_WORDS, searchWords } from '../domain/log-words.js';
import { LOG_LEVELS, type LogLevel } from '../domain/model.js';
import type { LogSearchCursor, LogSearchPage } from '../storage/log-search-store.js';
import type { Store } from '../storage/store.js';

/** What a caller asks for (docs/logs.md); text as it comes from a URL. */
export interface LogSearchInput {
  q?: string | undefined;
  job?: string | undefined;
  run?: number | undefined;
  /** With run: its sub-runs' lines too. */
  subruns?: boolean | undefined;
  /** The lowest level shown. */
  level?: LogLevel | undefined;
  since?: string | undefined;
  until?: string | undefined;
  /** The `next` of the previous page. */
  after?: string | undefined;
  size: number;
}

const CURSOR = /^(\d{1,15})\.(\d{1,15})\.(\d{1,10})$/;

/** The cursor as text: `time.run.seq` (opaque to callers). */
export function cursorText(cursor: LogSearchCursor): string {
  return `${cursor.time}.${cursor.runId}.${cursor.seq}`;
}

/** Checks a search and runs it: a bad field is a ValidationError naming it, never a database error. */
export async function searchLogs(store: Store, input: LogSearchInput): Promise<LogSearchPage> {
  const errors = [];
  const words = searchWords(input.q ?? '');
  if (input.q?.trim() && words.length === 0) {
    errors.push(fieldError('q', 'Search for words: letters or digits (other characters only separate words).'));
  }
  if (words.length > MAX_SEARCH_WORDS) errors.push(fieldError('q', `At most ${MAX_SEARCH_WORDS} words.`));
  const time = (field: 'since' | 'until') => {
    const text = input[field];
    if (!text) return undefined;
    const date = parseDateTime(text);
    if (!date) errors.push(fieldError(field, `"${text}" is not a date-time; use ISO 8601, e.g. 2026-01-31T08:00:00Z.`));
    return date;
  };
  const since = time('since');
  const until = time('until');
  if (since && until && until.getTime() <= since.getTime()) {
    errors.push(fieldError('until', 'until must be after since.'));
  }
  const match = input.after ? CURSOR.exec(input.after) : null;
  if (input.after && !match) errors.push(fieldError('after', 'Not a cursor: pass the next of the previous page.'));
  if (errors.length) throw new ValidationError('Invalid log search.', errors);
  return store.logSearch({
    words,
    jobId: input.job || undefined,
    runId: input.run,
    withSubRuns: input.subruns,
    levels: input.level ? LOG_LEVELS.slice(LOG_LEVELS.indexOf(input.level)) : undefined,
    since,
    until,
    after: match ? { time: Number(match[1]), runId: Number(match[2]), seq: Number(match[3]) } : undefined,
    limit: input.size,
  });
}
