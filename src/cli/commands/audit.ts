import type { Command } from 'commander';
import { auditEntryToWire } from '../../wire/access-wire.js';
import { parseInteger, withContext } from '../command-support.js';
import { oneLine, printJson, printTable } from '../output.js';

export function registerAuditCommands(program: Command): void {
  program
    .command('audit')
    .description('the audit log: who did what, newest first')
    .option('--job <job-id>', 'only entries about this job')
    .option('--page <n>', 'page number', parseInteger('page', 1), 1)
    .option('--size <n>', 'entries per page (≤ 100)', parseInteger('size', 1), 25)
    .action(
      withContext(async ({ deck, json }, options: { job?: string; page: number; size: number }) => {
        const page = await deck.audit.list({ jobId: options.job, page: options.page, size: options.size });
        if (json) return printJson({ hits: { hits: page.items.map(auditEntryToWire), total: page.total } });
        printTable(
          ['TIME', 'ACTOR', 'ACTION', 'JOB', 'RUN', 'DETAILS'],
          page.items.map((entry) => [
            entry.time.toISOString(),
            entry.actor,
            entry.action,
            entry.jobId,
            entry.runId,
            entry.details && oneLine(JSON.stringify(entry.details), 60),
          ]),
        );
        process.stdout.write(
          `${page.total} entr${page.total === 1 ? 'y' : 'ies'}${page.total > page.items.length ? `, page ${page.page}` : ''}\n`,
        );
      }),
    );
}
