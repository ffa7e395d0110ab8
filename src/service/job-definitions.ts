import { ConflictError, ValidationError, fieldError, JobdeckError } from '../domain/errors.js';
import type { Job } from '../domain/model.js';
import type { AnyTask } from '../domain/task.js';
import type { ActorContext, JobInput, JobPatch, JobService } from './job-service.js';
import { jobInputFromWire, wireNamesOf, JOB_WIRE_NAMES } from '../domain/job-contract.js';
import { jobToWire, type WireView } from '../wire/wire.js';

/**
 * A job declared in the host's code or config, found again at each start by its `key`. Every
 * field given is "managed by code": set again at each start, and read-only in the API and the
 * admin (409). Fields left out keep what admins set (see docs/library.md).
 */
export type JobDefinition = Omit<Partial<JobInput>, 'task'> & {
  /** Stable name: letters, digits, ".", "_", ":" and "-" (at most 200). */
  key: string;
  /** The task, or its id. */
  task: AnyTask | string;
};

/** One job in a `jobdeck jobs export` file: its wire fields and its key. */
type JobFileEntry = Record<string, unknown> & { key: string };

export interface JobFile {
  jobdeck: 1;
  jobs: JobFileEntry[];
}

/** What `applyFile` did, per key. */
export interface ApplyResult {
  created: string[];
  updated: string[];
  failed: { key: string; message: string; errors: { field: string; messages: string[] }[] }[];
}

const KEY = /^[a-z0-9][a-z0-9._:-]{0,199}$/i;
const CODE: ActorContext = { actor: 'code' };
/** Wire fields a file carries: the settable ones. */
const FILE_FIELDS = Object.values(JOB_WIRE_NAMES) as string[];

function checkJobKey(key: unknown, field = 'key'): string {
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw new ValidationError('The job key is not valid.', [
      fieldError(field, 'A key is 1–200 letters, digits, ".", "_", ":" or "-", starting with a letter or digit.'),
    ]);
  }
  return key;
}

/** The key of the job `enqueue(task, …)` uses when no job is named: one per task. */
function taskJobKey(task: AnyTask): string {
  return `task:${task.id}`;
}

/** Jobs by key: declared in code, exported to and applied from files, or one per enqueued task. */
export class JobDefinitions {
  constructor(
    private readonly jobs: JobService,
    /** For the export's view: secret arguments leave the server as "set", like everywhere else. */
    private readonly tasks: WireView['tasks'],
  ) {}

  /**
   * Creates or updates each declared job by its key; the fields given become managed by code.
   * Safe when several processes start at once: one creates, the others update.
   */
  async declare(definitions: readonly JobDefinition[]): Promise<Job[]> {
    const keys = new Set<string>();
    for (const definition of definitions) {
      checkJobKey(definition.key, `jobs[${definition.key}].key`);
      if (keys.has(definition.key)) throw new ValidationError(`Two jobs declare the key "${definition.key}".`);
      keys.add(definition.key);
    }
    const saved: Job[] = [];
    for (const { key, task, ...fields } of definitions) {
      const input: Partial<JobInput> = { ...fields, task: typeof task === 'string' ? task : task.id };
      // Without a title in code the job is named after its task, and admins may rename it.
      const title = typeof task === 'string' ? key : task.title;
      const result = await this.#upsert(key, input, { managed: true, title });
      saved.push(result.job);
    }
    return saved;
  }

  /** The job of a task for `enqueue`: created on first use (in the host's transaction, if any). */
  async forTask(task: AnyTask): Promise<Job> {
    const key = taskJobKey(task);
    const existing = await this.jobs.findByKey(key);
    if (existing) return existing;
    try {
      return await this.jobs.create({ title: task.title, task: task.id }, CODE, { key });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return this.jobs.getByKey(key);
    }
  }

  /**
   * Every job as a file entry. A job without a key is given one now (its title as a slug, made
   * unique), so applying the file back to this database updates it instead of adding a copy.
   */
  async exportFile(): Promise<JobFile> {
    const entries: JobFileEntry[] = [];
    const taken = new Set<string>();
    const all: Job[] = [];
    for (let page = 1; ; page += 1) {
      const result = await this.jobs.list({ page, size: 100, sort: 'created' });
      all.push(...result.items);
      if (result.items.length < 100) break;
    }
    for (const job of all) if (job.key) taken.add(job.key);
    for (const job of all) {
      let key = job.key;
      if (!key) {
        key = uniqueSlug(job.title, taken);
        taken.add(key);
        await this.jobs.update(job.id, {}, CODE, { key, asCode: true });
      }
      const wire = jobToWire(job, { tasks: this.tasks, role: 'admin' }) as unknown as Record<string, unknown>;
      const entry: JobFileEntry = { key };
      for (const field of FILE_FIELDS) entry[field] = wire[field];
      entries.push(entry);
    }
    return { jobdeck: 1, jobs: entries };
  }

  /** Creates or updates the file's jobs by key (not managed by code); each job on its own. */
  async applyFile(file: unknown, by: ActorContext): Promise<ApplyResult> {
    const list = Array.isArray(file) ? file : (file as { jobs?: unknown } | null)?.jobs;
    if (!Array.isArray(list)) {
      throw new ValidationError(
        'The file is not a job list: expected {"jobs": [...]} as `jobdeck jobs export` writes.',
      );
    }
    const result: ApplyResult = { created: [], updated: [], failed: [] };
    for (const [index, entry] of list.entries()) {
      const key = (entry as { key?: unknown } | null)?.key;
      try {
        checkJobKey(key, `jobs[${index}].key`);
        const input = jobInputFromWire(entry as Record<string, unknown>);
        const outcome = await this.#upsert(key as string, input, { managed: false, title: key as string, by });
        result[outcome.created ? 'created' : 'updated'].push(key as string);
      } catch (error) {
        if (!(error instanceof JobdeckError)) throw error;
        result.failed.push({ key: String(key), message: error.message, errors: error.errors });
      }
    }
    return result;
  }

  async #upsert(
    key: string,
    input: JobPatch,
    how: { managed: boolean; title: string; by?: ActorContext },
  ): Promise<{ job: Job; created: boolean }> {
    const { managed, by = CODE } = how;
    const managedFields = managed ? wireNamesOf(input) : undefined;
    const existing = await this.jobs.findByKey(key);
    if (!existing) {
      try {
        const job = await this.jobs.create({ title: how.title, ...input } as JobInput, by, { key, managedFields });
        return { job, created: true };
      } catch (error) {
        // Another process created it meanwhile: update that one.
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    const current = existing ?? (await this.jobs.getByKey(key));
    const job = await this.jobs.update(current.id, input, by, { asCode: managed, managedFields });
    return { job, created: false };
  }
}

function uniqueSlug(title: string, taken: Set<string>): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 180) || 'job';
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}
