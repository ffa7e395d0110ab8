import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PartialSuccessError } from '../../domain/errors.js';
import { defineTask } from '../../domain/task.js';

const SAMPLE = fileURLToPath(new URL('./organisations.json', import.meta.url));

const organisation = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and "-"'),
  name: z.string().trim().min(1, 'must not be empty'),
  acronym: z.string().optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "CH"'),
  type: z.enum(['education', 'company', 'government', 'facility', 'nonprofit', 'healthcare', 'archive', 'other']),
  website: z.url({ message: 'must be a URL' }).optional(),
  modified: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
});
type Organisation = z.infer<typeof organisation>;

async function readStore(file: string): Promise<Record<string, Organisation>> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, Organisation>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

async function writeStore(file: string, records: Record<string, Organisation>): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Write then rename, so a stop or crash never leaves half a file.
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, JSON.stringify(records, null, 1));
  await fs.rename(temp, file);
}

export const importVocabularyTask = defineTask({
  id: 'demo.import-vocabulary',
  title: 'Import organisations vocabulary',
  description:
    'Imports organisation records into a local vocabulary store; with "since", only records modified after it. Invalid records are logged and counted.',
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
    const records = JSON.parse(await fs.readFile(args.source ?? SAMPLE, 'utf8')) as unknown[];
    if (!Array.isArray(records)) throw new Error('The source must hold a JSON array of records.');
    const store = await readStore(args.store_path);
    const since = ctx.since?.getTime();
    // Records with an unreadable date cannot be filtered: they stay in scope and fail validation.
    const inScope = records.filter((record) => {
      const modified = Date.parse(String((record as { modified?: unknown })?.modified));
      return since === undefined || Number.isNaN(modified) || modified >= since;
    });
    const skipped = records.length - inScope.length;
    if (since !== undefined)
      ctx.log.info(`Skipped ${skipped} records not modified since ${ctx.since!.toISOString()}`, { skipped });

    const counts = { total: inScope.length, inserted: 0, updated: 0, errored: 0 };
    const seen = new Set<string>();
    for (let i = 0; i < inScope.length; i += args.batch_size) {
      ctx.signal.throwIfAborted();
      for (const record of inScope.slice(i, i + args.batch_size)) {
        const parsed = organisation.safeParse(record);
        const id = String((record as { id?: unknown })?.id ?? '?');
        if (!parsed.success) {
          counts.errored += 1;
          const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`);
          ctx.log.warn(`Invalid record ${id}: ${problems.join('; ')}`, { id, problems });
          continue;
        }
        if (seen.has(parsed.data.id)) {
          counts.errored += 1;
          ctx.log.warn(`Invalid record ${id}: id appears more than once in the source`, { id });
          continue;
        }
        seen.add(parsed.data.id);
        if (store[parsed.data.id]) counts.updated += 1;
        else counts.inserted += 1;
        store[parsed.data.id] = parsed.data;
      }
      ctx.progress(counts);
      await new Promise((resolve) => setImmediate(resolve));
    }
    ctx.signal.throwIfAborted();
    await writeStore(args.store_path, store);
    ctx.log.info(
      `Imported ${counts.total} records: ${counts.inserted} inserted, ${counts.updated} updated, ${counts.errored} invalid`,
      counts,
    );
    if (counts.errored > 0) {
      throw new PartialSuccessError(`${counts.errored} of ${counts.total} records were invalid`, counts.errored);
    }
    return { ...counts, skipped_before_since: skipped, store_path: path.resolve(args.store_path) };
  },
});
