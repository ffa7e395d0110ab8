import { sql, type Kysely, type RawBuilder, type Selectable, type SelectQueryBuilder } from 'kysely';
import { containsText } from './text-match.js';
import { statusIn } from './status-filter.js';
import type { Job } from '../domain/model.js';
import { ACTIVE_STATUSES } from '../domain/run-status.js';
import { PLAIN_DEFAULTS, plainToColumns } from '../domain/job-contract.js';
import { ConflictError } from '../domain/errors.js';
import type { DialectTraits } from './dialect.js';
import { jobFromRow, jsonText, toJson } from './rows.js';
import type { Database, JobsTable } from './schema.js';
import type { JobChanges, JobFilter, JobSort, Page } from './store.js';

export interface QueryContext {
  db: Kysely<Database>;
  traits: DialectTraits;
  now(): number;
  /** A table named in raw SQL, in Jobdeck's schema (the query builder qualifies tables itself). */
  table(name: keyof Database): RawBuilder<unknown>;
  /** `db` is a host's transaction: run statements in it instead of opening one. */
  inTransaction?: boolean;
}

/** Runs `fn` in a transaction: a new one, or the host's that `db` already is. */
export function transact<T>(ctx: QueryContext, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return ctx.inTransaction ? fn(ctx.db) : ctx.db.transaction().execute(fn);
}

/**
 * Inserts the job; a key another job has is refused with a ConflictError. The conflict is
 * handled by the statement (ON CONFLICT DO NOTHING), not raised by the database, so a host's
 * transaction the insert runs in stays usable.
 */
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
      args: toJson(job.args),
      custom_args: jsonText(job.customArgs),
      schedule: job.schedule ? toJson(job.schedule) : null,
      next_run_at: job.nextRunAt ? job.nextRunAt.getTime() : null,
      overlap_policy: job.overlapPolicy,
      misfire_policy: job.misfirePolicy,
      notification_emails: toJson(job.notificationEmails),
      notification_statuses: toJson(job.notificationStatuses),
      notification_webhooks: toJson(job.notificationWebhooks),
      notify_running_longer_than: job.notifyRunningLongerThan,
      history_alerts: job.historyAlerts ? JSON.stringify(job.historyAlerts) : null,
      ...plainToColumns({ ...PLAIN_DEFAULTS, ...job }, traits.bool),
      key: job.key ?? null,
      managed_fields: jsonText(job.managedFields ?? null),
      created_at: job.created.getTime(),
      updated_at: job.updated.getTime(),
    })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new ConflictError(`A job with the key "${job.key}" exists already.`);
  return jobFromRow(row);
}

export async function jobGet({ db }: QueryContext, id: string): Promise<Job | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && jobFromRow(row);
}

export async function jobGetByKey({ db }: QueryContext, key: string): Promise<Job | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirst();
  return row && jobFromRow(row);
}

export async function jobList({ db, traits }: QueryContext, filter: JobFilter): Promise<Page<Job>> {
  let query = db.selectFrom('jobs');
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([containsText(traits, 'title', q), containsText(traits, 'description', q)]));
  }
  if (filter.active !== undefined) query = query.where('active', '=', traits.bool(filter.active));
  if (filter.task) query = query.where('task', '=', filter.task);
  if (filter.queue) query = query.where('default_queue', '=', filter.queue);
  const [rows, count] = await Promise.all([
    orderJobs(query.selectAll(), filter.sort ?? '-created')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(jobFromRow), total: Number(count.n) };
}

type JobSelect = SelectQueryBuilder<Database, 'jobs', Selectable<JobsTable>>;

function orderJobs(query: JobSelect, sort: JobSort): JobSelect {
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  switch (sort) {
    case 'title':
    case '-title':
      return query.orderBy('title', direction);
    case 'created':
    case '-created':
      return query.orderBy('created_at', direction);
    case 'last_run':
    case '-last_run':
      // Kept on the job as runs are created (0 = never run, sorts as oldest); read from the
      // jobs_last_run index instead of looking up every job's newest run (migration 0009).
      return query.orderBy('last_run_id', direction);
    case 'next_run':
      return query.orderBy(sql`case when next_run_at is null then 1 else 0 end`).orderBy('next_run_at');
  }
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
      ...(changes.args !== undefined && { args: toJson(changes.args) }),
      ...(changes.customArgs !== undefined && { custom_args: jsonText(changes.customArgs) }),
      ...(changes.schedule !== undefined && {
        schedule: changes.schedule ? toJson(changes.schedule) : null,
      }),
      ...(changes.nextRunAt !== undefined && { next_run_at: changes.nextRunAt?.getTime() ?? null }),
      ...(changes.overlapPolicy !== undefined && { overlap_policy: changes.overlapPolicy }),
      ...(changes.misfirePolicy !== undefined && { misfire_policy: changes.misfirePolicy }),
      ...(changes.notificationEmails !== undefined && {
        notification_emails: toJson(changes.notificationEmails),
      }),
      ...(changes.notificationStatuses !== undefined && {
        notification_statuses: toJson(changes.notificationStatuses),
      }),
      ...(changes.notificationWebhooks !== undefined && {
        notification_webhooks: toJson(changes.notificationWebhooks),
      }),
      ...(changes.notifyRunningLongerThan !== undefined && {
        notify_running_longer_than: changes.notifyRunningLongerThan,
      }),
      ...(changes.historyAlerts !== undefined && {
        history_alerts: changes.historyAlerts ? JSON.stringify(changes.historyAlerts) : null,
      }),
      ...plainToColumns(changes, traits.bool),
      ...(changes.key !== undefined && { key: changes.key }),
      ...(changes.managedFields !== undefined && { managed_fields: jsonText(changes.managedFields) }),
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
    .where(statusIn(ACTIVE_STATUSES))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
