import type { LogLine } from '../domain/model.js';
import type { LogListQuery, RunService } from './run-service.js';
import { logLineToWire } from '../wire/wire.js';

/** One line as people read it: time, level, message and the fields as JSON. */
export function logLineText(line: LogLine): string {
  const fields = line.fields ? ` ${JSON.stringify(line.fields)}` : '';
  return `${line.time.toISOString()} ${line.level.toUpperCase().padEnd(5)} ${line.message}${fields}\n`;
}

/** One line as an NDJSON record, with the API's field names. */
export function logLineNdjson(line: LogLine): string {
  return `${JSON.stringify(logLineToWire(line))}\n`;
}

/**
 * The run's lines after the cursor, page by page in ascending order, until none is left: the
 * whole log is never held in memory, however long it is.
 */
export async function* logPages(
  runs: RunService,
  runId: number,
  query: Omit<LogListQuery, 'size'>,
  pageSize = 1000,
): AsyncGenerator<LogLine[]> {
  let after = query.after ?? 0;
  for (;;) {
    const lines = await runs.logs(runId, { ...query, after, size: pageSize });
    if (lines.length > 0) {
      yield lines;
      after = lines[lines.length - 1]!.seq;
    }
    if (lines.length < pageSize) return;
  }
}
