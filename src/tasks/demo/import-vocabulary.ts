import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PartialSuccessError } from '../../domain/errors.js';
import { defineTask } from '../../domain/task.js';

const SAMPLE = fileURLToPath(new URL('./organisations.json', import.meta.url));

const ORGANISATION_TYPES = [
  'education',
  'company',
  'government',
  'facility',
  'nonprofit',
  'healthcare',
  'archive',
  'other',
] as const;

const modified = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2025-01-31T12:00:00Z' });

const organisation = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and "-"'),
  name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty'),
  acronym: z.string().optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "CH"'),
  type: z.enum(ORGANISATION_TYPES),
  website: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  modified,
});
type Organisation = z.infer<typeof organisation>;
type Store = Record<string, Organisation>;

async function readStore(file: string): Promise<Store> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const store: unknown = JSON.parse(text);
  if (typeof store !== 'object' || store === null || Array.isArray(store)) {
    throw new Error(`The vocabulary store ${file} does not hold a JSON object; move it away to start afresh.`);
  }
  return store as Store;
}

async function writeStore(file: string, store: Store): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Write then rename, so that a crash never leaves half a file and readers see old or new.
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    await fs.writeFile(temp, `${JSON.stringify(store, null, 1)}\n`);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

async function readSource(file: string): Promise<unknown[]> {
  const records: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
  if (!Array.isArray(records)) throw new Error(`The source ${file} must hold a JSON array of records.`);
  return records;
}

function field(record: unknown, name: string): unknown {
  return typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[name] : undefined;
}

export const importVocabularyTask = defineTask({
  id: 'demo.import-vocabulary',
  title: 'Import organisations vocabulary',
  description:
    'Imports organisation records into a local vocabulary store; with "since", only records modified after it. ' +
    'Invalid records are logged and counted, and the run ends as a partial success.',
  args: z.object({
    source: z
      .string()
      .optional()
      .describe('Path of a JSON file of records; default: the bundled sample of 300 organisations'),
    store_path: z
      .string()
      .default('.jobdeck/demo-vocabulary.json')
      .describe('Where the imported vocabulary is kept (a JSON file this task owns)'),
    batch_size: z.number().int().min(1).max(10_000).default(50).describe('Records processed between progress reports'),
  }),
  async run(ctx, args) {
    const records = await readSource(args.source ?? SAMPLE);
    const store = await readStore(args.store_path);

    const since = ctx.since?.getTime();
    // Only a readable date can put a record out of scope; an unreadable one stays in and fails validation.
    const inScope = records.filter((record) => {
      if (since === undefined) return true;
      const date = modified.safeParse(field(record, 'modified'));
      return !date.success || Date.parse(date.data) >= since;
    });
    const skipped = records.length - inScope.length;
    if (ctx.since) {
      ctx.log.info(`Skipped ${skipped} records not modified since ${ctx.since.toISOString()}`, { skipped });
    }

    const counts = { total: inScope.length, inserted: 0, updated: 0, errored: 0 };
    ctx.progress({ ...counts });
    const seen = new Set<string>();
    for (let start = 0; start < inScope.length; start += args.batch_size) {
      ctx.signal.throwIfAborted();
      for (const record of inScope.slice(start, start + args.batch_size)) {
        const rawId = field(record, 'id');
        const id = typeof rawId === 'string' ? rawId : `#${records.indexOf(record) + 1}`;
        const duplicate = typeof rawId === 'string' && seen.has(rawId);
        if (typeof rawId === 'string') seen.add(rawId);

        const parsed = organisation.safeParse(record);
        if (!parsed.success || duplicate) {
          counts.errored += 1;
          const problems = parsed.success
            ? []
            : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`);
          if (duplicate) problems.push('id: appears earlier in the source');
          ctx.log.warn(`Invalid record ${id}: ${problems.join('; ')}`, { id, problems });
          continue;
        }
        if (Object.hasOwn(store, parsed.data.id)) counts.updated += 1;
        else counts.inserted += 1;
        store[parsed.data.id] = parsed.data;
      }
      ctx.progress({ ...counts });
      // Lets the worker's heartbeats and other runs proceed during a long import.
      await new Promise((resolve) => setImmediate(resolve));
    }

    ctx.signal.throwIfAborted();
    await writeStore(args.store_path, store);
    ctx.log.info(
      `Imported ${counts.total} records: ${counts.inserted} inserted, ${counts.updated} updated, ${counts.errored} invalid`,
      { ...counts, skipped_before_since: skipped },
    );
    if (counts.errored > 0) {
      throw new PartialSuccessError(`${counts.errored} of ${counts.total} records were invalid`, counts.errored);
    }
    return { ...counts, skipped_before_since: skipped, store_path: path.resolve(args.store_path) };
  },
});
