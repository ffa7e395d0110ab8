import { Command } from 'commander';
import { registerJobCommands } from './commands/jobs.js';
import { registerRunCommands } from './commands/runs.js';
import { registerServiceCommands } from './commands/services.js';
import { registerTaskCommands } from './commands/tasks.js';
import { registerScheduleCommands } from './commands/schedule.js';
import { registerTokenCommands } from './commands/tokens.js';
import { registerUserCommands } from './commands/users.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerQueueCommands } from './commands/queues.js';

export function buildProgram(): Command {
  const program = new Command('jobdeck')
    .description('Jobdeck: background jobs that administrators manage')
    .option('--json', 'machine-readable output')
    .option(
      '--database <url>',
      'sqlite:./jobdeck.db (default), or postgres://user@host:5432/db (env JOBDECK_DATABASE_URL)',
    )
    .option('--config <file>', 'config file exporting tasks and queues (default: ./jobdeck.config.{ts,mts,mjs,js})')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  registerServiceCommands(program);
  registerTaskCommands(program);
  registerJobCommands(program);
  registerRunCommands(program);
  registerScheduleCommands(program);
  registerQueueCommands(program);
  registerTokenCommands(program);
  registerUserCommands(program);
  registerAuditCommands(program);
  return program;
}
