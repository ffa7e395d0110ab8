import type { Command } from 'commander';
import type { Job } from '../../domain/model.js';
import type { JobInput } from '../../service/job-service.js';
import { jobToWire, runToWire, skippedSlotToWire, type WireView } from '../../wire/wire.js';
import { maskSecretArgs } from '../../domain/secret-args.js';
import { RUN_DEFAULT_TITLE } from '../../domain/run-contract.js';
import { cliActor, cliView, parseInteger, withContext } from '../command-support.js';
import { EXIT_RUN_NOT_SUCCESSFUL, printFields, printJson, printTable } from '../output.js';
import { printRun } from './runs.js';
import { describeSchedule } from '../../domain/schedule-words.js';
import { jobInputFrom, withJobFlags, type JobFlags } from '../job-flags.js';
import { registerJobFileCommands } from './job-files.js';

function printJob(job: Job, view: WireView): void {
  const task = view.tasks.find(job.task);
  printFields([
    ['id', job.id],
    [
      'key',
      job.key
        ? `${job.key}${job.managedFields?.length ? ` (managed by code: ${job.managedFields.join(', ')})` : ''}`
        : null,
    ],
    ['title', job.title],
    ['description', job.description || null],
    ['task', job.task],
    ['queue', job.defaultQueue],
    ['active', job.active],
    ['args', maskSecretArgs(task, job.args)],
    ['custom args', maskSecretArgs(task, job.customArgs)],
    ['schedule', job.schedule ? describeSchedule(job.schedule) : null],
    ['next run', job.nextRunAt?.toISOString()],
    ['overlap', job.overlapPolicy],
    ['misfire', job.misfirePolicy],
    ['notify e-mails', job.notificationEmails.join(', ') || null],
    ['notify on', job.notificationStatuses.join(', ') || null],
    [
      'notify webhooks',
      job.notificationWebhooks.map((h) => `${h.url}${h.secret ? ' (secret set)' : ''}`).join(', ') || null,
    ],
    ['notify if longer than', job.notifyRunningLongerThan === null ? null : `${job.notifyRunningLongerThan} s`],
    ['attempts', job.maxAttempts ?? 1],
    [
      'retry backoff',
      (job.maxAttempts ?? 1) > 1
        ? `${job.retryBackoffSeconds ?? 10} s doubling, at most ${job.retryBackoffMaxSeconds ?? 600} s${job.retryPartial ? '; partial successes too' : ''}`
        : null,
    ],
    ['timeout', job.timeoutSeconds ? `${job.timeoutSeconds} s` : null],
    ['created', job.created.toISOString()],
    ['updated', job.updated.toISOString()],
  ]);
}

export function registerJobCommands(program: Command): void {
  const jobs = program.command('jobs').description('create, read, change, delete and run jobs');
  registerJobFileCommands(jobs);

  withJobFlags(jobs.command('create').description('create a job (it does not run until run or scheduled)')).action(
    withContext(async ({ deck, json }, flags: JobFlags) => {
      const job = await deck.jobs.create(jobInputFrom(flags) as JobInput, { actor: cliActor() });
      if (json) printJson(jobToWire(job, cliView(deck)));
      else printJob(job, cliView(deck));
    }),
  );

  jobs
    .command('list')
    .description('list jobs, newest first')
    .option('-q, --query <text>', 'match title or description')
    .option('--task <id>', 'only jobs of this task')
    .option('--queue <name>', 'only jobs of this queue')
    .option('--active', 'only active jobs')
    .option('--inactive', 'only inactive jobs')
    .option('--page <n>', 'page number', parseInteger('page', 1), 1)
    .option('--size <n>', 'jobs per page (≤ 100)', parseInteger('size', 1), 25)
    .action(
      withContext(
        async (
          { deck, json },
          options: {
            query?: string;
            task?: string;
            queue?: string;
            active?: boolean;
            inactive?: boolean;
            page: number;
            size: number;
          },
        ) => {
          const page = await deck.jobs.list({
            q: options.query,
            task: options.task,
            queue: options.queue,
            active: options.active ? true : options.inactive ? false : undefined,
            page: options.page,
            size: options.size,
          });
          if (json)
            return printJson({ hits: { hits: page.items.map((j) => jobToWire(j, cliView(deck))), total: page.total } });
          printTable(
            ['ID', 'TITLE', 'TASK', 'QUEUE', 'ACTIVE', 'SCHEDULE', 'NEXT RUN'],
            page.items.map((job) => [
              job.id,
              job.title,
              job.task,
              job.defaultQueue,
              job.active ? 'yes' : 'no',
              job.schedule && describeSchedule(job.schedule),
              job.nextRunAt?.toISOString(),
            ]),
          );
          process.stdout.write(`${page.total} job(s)${page.total > page.items.length ? `, page ${page.page}` : ''}\n`);
        },
      ),
    );

  jobs
    .command('show <job-id>')
    .description('show one job')
    .action(
      withContext(async ({ deck, json }, id: string) => {
        const job = await deck.jobs.get(id);
        if (json) printJson(jobToWire(job, cliView(deck)));
        else printJob(job, cliView(deck));
      }),
    );

  withJobFlags(jobs.command('update <job-id>').description('change the given fields of a job')).action(
    withContext(async ({ deck, json }, id: string, flags: JobFlags) => {
      const job = await deck.jobs.update(id, jobInputFrom(flags), { actor: cliActor() });
      if (json) printJson(jobToWire(job, cliView(deck)));
      else printJob(job, cliView(deck));
    }),
  );

  jobs
    .command('delete <job-id>')
    .description('delete a job with its runs and their logs')
    .action(
      withContext(async ({ deck, json }, id: string) => {
        await deck.jobs.delete(id, { actor: cliActor() });
        if (json) printJson({ deleted: id });
        else process.stdout.write(`Deleted job ${id} with its runs and logs.\n`);
      }),
    );

  jobs
    .command('skipped <job-id>')
    .description('schedule slots of the job that produced no run, and why (newest first)')
    .option('--page <n>', 'page number', parseInteger('page', 1), 1)
    .option('--size <n>', 'slots per page (≤ 100)', parseInteger('size', 1), 25)
    .action(
      withContext(async ({ deck, json }, id: string, options: { page: number; size: number }) => {
        await deck.jobs.get(id);
        const page = await deck.schedules.skipped(id, options.page, options.size);
        if (json) return printJson({ hits: { hits: page.items.map(skippedSlotToWire), total: page.total } });
        printTable(
          ['SCHEDULED FOR', 'REASON'],
          page.items.map((slot) => [slot.scheduledFor.toISOString(), slot.reason]),
        );
        process.stdout.write(`${page.total} skipped slot(s)\n`);
      }),
    );

  jobs
    .command('run <job-id>')
    .description('queue a run of the job now ("Configure and run")')
    .option('--title <title>', 'title of the run', RUN_DEFAULT_TITLE)
    .option('--queue <name>', "queue (default: the job's)")
    .option('--args <json>', "arguments laid over the job's saved ones, a JSON object")
    .option('--since <iso>', 'process what changed after this time (default: start of the last successful run)')
    .option('--custom-args <json>', 'a JSON object that replaces all arguments')
    .option('--wait', 'wait for the run to end; exit 0 only if it ends SUCCESS')
    .option('--timeout <seconds>', 'with --wait: give up after this long', parseInteger('timeout', 1))
    .action(
      withContext(
        async (
          { deck, json },
          id: string,
          options: {
            title: string;
            queue?: string;
            args?: string;
            since?: string;
            customArgs?: string;
            wait?: boolean;
            timeout?: number;
          },
        ) => {
          let run = await deck.runs.create(
            id,
            {
              title: options.title,
              queue: options.queue,
              args: options.args,
              since: options.since,
              customArgs: options.customArgs,
            },
            { actor: cliActor() },
          );
          if (options.wait) {
            if (!json) process.stderr.write(`Run ${run.id} queued on "${run.queue}"; waiting for it to end…\n`);
            run = await deck.runs.waitForEnd(run.id, options.timeout ? { timeoutMs: options.timeout * 1000 } : {});
            if (run.status !== 'SUCCESS') process.exitCode = EXIT_RUN_NOT_SUCCESSFUL;
          }
          if (json) printJson(runToWire(run, cliView(deck)));
          else printRun(run, cliView(deck));
        },
      ),
    );
}
