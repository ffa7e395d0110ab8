import { sql, type Kysely } from 'kysely';
import type { Job } from '../domain/model.js';
import { ACTIVE_STATUSES } from '../domain/run-status.js';
import type { DialectTraits } from './dialect.js';
import { jobFromRow, jsonText } from './rows.js';
import type { Database } from './schema.js';
import type { JobChanges, JobFilter, Page } from './store.js';

export interface QueryContext {
  db: Kysely<Database>;
  traits: DialectTraits;
  now(): number;
}

export async function jobCreate({ db, traits }: QueryContext, job: Job): Promise<Job> {
  const row = await db
    .insertInto('jobs')
    .values({
      id: job.id,
      title: job.title,
      description: job.description,
      task: job.task,
      default_queue: job.defaultQueue,
      active: traits.bool(job.active),
      args: JSON.stringify(job.args),
      custom_args: jsonText(job.customArgs),
      schedule: job.schedule ? JSON.stringify(job.schedule) : null,
      next_run_at: job.nextRunAt ? job.nextRunAt.getTime() : null,
      overlap_policy: job.overlapPolicy,
      misfire_policy: job.misfirePolicy,
      created_at: job.created.getTime(),
      updated_at: job.updated.getTime(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return jobFromRow(row);
}

export async function jobGet({ db }: QueryContext, id: string): Promise<Job | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && jobFromRow(row);
}

export async function jobList({ db, traits }: QueryContext, filter: JobFilter): Promise<Page<Job>> {
  let query = db.selectFrom('jobs');
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const matches = (column: 'title' | 'description') =>
      sql<boolean>`${sql.ref(column)} ${sql.raw(traits.ilike)} ${pattern} escape '\\'`;
    query = query.where((eb) => eb.or([matches('title'), matches('description')]));
  }
  if (filter.active !== undefined) query = query.where('active', '=', traits.bool(filter.active));
  if (filter.task) query = query.where('task', '=', filter.task);
  if (filter.queue) query = query.where('default_queue', '=', filter.queue);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(jobFromRow), total: Number(count.n) };
}

export async function jobUpdate(ctx: QueryContext, id: string, changes: JobChanges): Promise<Job | undefined> {
  const { db, traits } = ctx;
  const row = await db
    .updateTable('jobs')
    .set({
      ...(changes.title !== undefined && { title: changes.title }),
      ...(changes.description !== undefined && { description: changes.description }),
      ...(changes.task !== undefined && { task: changes.task }),
      ...(changes.defaultQueue !== undefined && { default_queue: changes.defaultQueue }),
      ...(changes.active !== undefined && { active: traits.bool(changes.active) }),
      ...(changes.args !== undefined && { args: JSON.stringify(changes.args) }),
      ...(changes.customArgs !== undefined && { custom_args: jsonText(changes.customArgs) }),
      ...(changes.schedule !== undefined && {
        schedule: changes.schedule ? JSON.stringify(changes.schedule) : null,
      }),
      ...(changes.nextRunAt !== undefined && { next_run_at: changes.nextRunAt?.getTime() ?? null }),
      ...(changes.overlapPolicy !== undefined && { overlap_policy: changes.overlapPolicy }),
      ...(changes.misfirePolicy !== undefined && { misfire_policy: changes.misfirePolicy }),
      updated_at: ctx.now(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && jobFromRow(row);
}

export async function jobDelete({ db }: QueryContext, id: string): Promise<boolean> {
  // Runs and their log lines go with the job (ON DELETE CASCADE).
  const result = await db.deleteFrom('jobs').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function jobHasActiveRuns({ db }: QueryContext, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('runs')
    .select('id')
    .where('job_id', '=', id)
    .where('status', 'in', [...ACTIVE_STATUSES])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
