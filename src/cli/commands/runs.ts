import type { Command } from 'commander';
import type { Run } from '../../domain/model.js';
import { isFinalStatus } from '../../domain/run-status.js';
import { logLineNdjson, logLineText, logPages } from '../../service/log-export.js';
import { attemptToWire, runDurationMs, runToWire, type WireView } from '../../wire/wire.js';
import { maskSecretArgs } from '../../domain/secret-args.js';
import { cliActor, cliView, parseInteger, parseRunId, withContext } from '../command-support.js';
import { notificationToWire } from '../../notifications/settings.js';
import { oneLine, printFields, printJson, printTable } from '../output.js';

function seconds(ms: number | null): string | null {
  return ms === null ? null : `${(ms / 1000).toFixed(1)} s`;
}

export function printRun(run: Run, view: WireView): void {
  const task = view.tasks.find(run.task);
  printFields([
    ['id', run.id],
    ['job', run.jobId],
    ['title', run.title],
    ['status', run.status],
    ['task', run.task],
    ['queue', run.queue],
    ['args', maskSecretArgs(task, run.args)],
    ['custom args', maskSecretArgs(task, run.customArgs)],
    ['since', run.since?.toISOString()],
    ['started by', run.startedBy],
    ['scheduled for', run.scheduledFor?.toISOString()],
    ['created', run.created.toISOString()],
    ['started', run.startedAt?.toISOString()],
    ['finished', run.finishedAt?.toISOString()],
    ['duration', seconds(runDurationMs(run))],
    ['total', run.progress.total],
    ['inserted', run.progress.inserted],
    ['updated', run.progress.updated],
    ['errored', run.progress.errored],
    ['message', run.message],
    ['result', run.result],
    ['attempt', `${run.attempt} of ${run.maxAttempts}`],
    ['parent run', run.parentRunId],
    ['sub-runs', subRunProgress(run)],
  ]);
}

/** "12/500 done, 3 failed" for a parent; null for a run without sub-runs. */
function subRunProgress(run: Run): string | null {
  const { total, completed, failed } = run.subRuns;
  if (total === 0) return null;
  return `${completed}/${total} done${failed ? `, ${failed} failed` : ''}`;
}

export function registerRunCommands(program: Command): void {
  const runs = program.command('runs').description('follow and stop runs');

  runs
    .command('notifications <run-id>')
    .description('e-mails and webhooks sent about a run, with every attempt')
    .action(
      withContext(async ({ deck, json }, id: string) => {
        const list = (await deck.notifications.forRun(parseRunId(id))).map((n) => notificationToWire(n, 'admin'));
        if (json) return printJson(list);
        printTable(
          ['id', 'event', 'status', 'channel', 'target', 'state', 'attempts', 'last error'],
          list.map((n) => [n.id, n.event, n.status, n.channel, n.target, n.state, n.attempts, n.last_error]),
        );
      }),
    );

  runs
    .command('list')
    .description('list runs, newest first')
    .option('--job <job-id>', 'only runs of this job')
    .option('--status <list>', 'only these statuses, e.g. RUNNING,FAILED')
    .option('--queue <name>', 'only runs on this queue')
    .option('--task <id>', 'only runs of this task')
    .option('--parent <run-id>', 'only the sub-runs of this run (oldest first)')
    .option('--include-subruns', 'sub-runs too (by default only top-level runs are listed)')
    .option('--page <n>', 'page number', parseInteger('page', 1), 1)
    .option('--size <n>', 'runs per page (≤ 100)', parseInteger('size', 1), 25)
    .action(
      withContext(
        async (
          { deck, json },
          options: {
            job?: string;
            status?: string;
            queue?: string;
            task?: string;
            parent?: string;
            includeSubruns?: boolean;
            page: number;
            size: number;
          },
        ) => {
          const page = await deck.runs.list({
            jobId: options.job,
            status: options.status,
            queue: options.queue,
            task: options.task,
            parentRunId: options.parent === undefined ? undefined : parseRunId(options.parent),
            includeSubRuns: options.includeSubruns,
            page: options.page,
            size: options.size,
          });
          if (json)
            return printJson({ hits: { hits: page.items.map((r) => runToWire(r, cliView(deck))), total: page.total } });
          printTable(
            ['ID', 'STATUS', 'SUB-RUNS', 'TITLE', 'TASK', 'QUEUE', 'CREATED', 'DURATION', 'MESSAGE'],
            page.items.map((run) => [
              run.id,
              run.status,
              subRunProgress(run),
              run.title,
              run.task,
              run.queue,
              run.created.toISOString(),
              seconds(runDurationMs(run)),
              run.message && oneLine(run.message, 50),
            ]),
          );
          process.stdout.write(`${page.total} run(s)${page.total > page.items.length ? `, page ${page.page}` : ''}\n`);
        },
      ),
    );

  runs
    .command('show <run-id>')
    .description('show one run')
    .action(
      withContext(async ({ deck, json }, id: string) => {
        const run = await deck.runs.get(parseRunId(id));
        const attempts = (await deck.store.attemptList(run.id)).map(attemptToWire);
        if (json) printJson({ ...runToWire(run, cliView(deck)), attempts });
        else {
          printRun(run, cliView(deck));
          if (attempts.length) {
            process.stdout.write('\nattempts:\n');
            printTable(
              ['#', 'status', 'worker', 'started', 'finished', 'message'],
              attempts.map((a) => [
                a.attempt,
                a.status,
                a.worker_id,
                a.started_at,
                a.finished_at,
                oneLine(a.message ?? ''),
              ]),
            );
          }
        }
      }),
    );

  runs
    .command('logs <run-id>')
    .description('print the log lines of a run, oldest first (all of them, page by page)')
    .option('--level <level>', 'lowest level shown: debug, info, warn or error')
    .option('--search <text>', 'only lines whose message contains this text (any case)')
    .option('--after <seq>', 'only lines after this sequence number', parseInteger('after'))
    .option('--follow', 'keep printing new lines until the run ends')
    .action(
      withContext(
        async (
          { deck, json },
          id: string,
          options: { level?: string; search?: string; after?: number; follow?: boolean },
        ) => {
          const runId = parseRunId(id);
          let after = options.after ?? 0;
          const drain = async () => {
            for await (const lines of logPages(deck.runs, runId, { after, level: options.level, q: options.search })) {
              process.stdout.write(lines.map(json ? logLineNdjson : logLineText).join(''));
              after = lines[lines.length - 1]!.seq;
            }
          };
          await drain();
          if (!options.follow) return;
          // Lines are stored before the final state, so one last read after it sees them all.
          while (!isFinalStatus((await deck.runs.get(runId)).status)) {
            await new Promise((resolve) => setTimeout(resolve, 300));
            await drain();
          }
          await drain();
        },
      ),
    );

  runs
    .command('stop <run-id>')
    .description('stop a run: a queued one at once, a running one as soon as its task sees the signal')
    .option('--wait', 'wait until the run has ended')
    .action(
      withContext(async ({ deck, json }, id: string, options: { wait?: boolean }) => {
        let run = await deck.runs.stop(parseRunId(id), undefined, { actor: cliActor() });
        if (options.wait) run = await deck.runs.waitForEnd(run.id);
        if (json) printJson(runToWire(run, cliView(deck)));
        else process.stdout.write(`Run ${run.id} is ${run.status}.\n`);
      }),
    );

  runs
    .command('delete <run-id>')
    .description('delete an ended run with its log and its sub-runs (refused while it or a sub-run is active)')
    .action(
      withContext(async ({ deck, json }, id: string) => {
        const runId = parseRunId(id);
        await deck.runs.delete(runId, undefined, { actor: cliActor() });
        if (json) printJson({ deleted: runId });
        else process.stdout.write(`Run ${runId} deleted.\n`);
      }),
    );
}
