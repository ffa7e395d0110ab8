import type { LogLine } from '../domain/model.js';
import type { QueryContext } from './job-queries.js';
import { jsonText, logFromRow } from './rows.js';
import { withoutNul } from '../domain/run-result.js';
import type { LogQuery } from './store.js';
import { containsText } from './text-match.js';

const INSERT_CHUNK = 1000;

export async function logAppend({ db }: QueryContext, lines: LogLine[]): Promise<void> {
  for (let i = 0; i < lines.length; i += INSERT_CHUNK) {
    const rows = lines.slice(i, i + INSERT_CHUNK).map((line) => ({
      run_id: line.runId,
      seq: line.seq,
      time: line.time.getTime(),
      level: line.level,
      message: withoutNul(line.message),
      fields: jsonText(line.fields),
    }));
    await db.insertInto('run_logs').values(rows).execute();
  }
}

export async function logList({ db, traits }: QueryContext, runId: number, query: LogQuery): Promise<LogLine[]> {
  let select = db
    .selectFrom('run_logs')
    .selectAll()
    .where('run_id', '=', runId)
    .where('seq', '>', query.after ?? 0);
  if (query.levels?.length) select = select.where('level', 'in', query.levels);
  if (query.q) select = select.where(containsText(traits, 'message', query.q));
  const rows = await select.orderBy('seq').limit(query.limit).execute();
  return rows.map(logFromRow);
}

export async function logMaxSeq({ db }: QueryContext, runId: number): Promise<number> {
  const row = await db
    .selectFrom('run_logs')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('run_id', '=', runId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}
