import type { Command } from 'commander';
import { ACTIVE_STATUSES } from '../../domain/run-status.js';
import type { QueueInfo } from '../../service/queue-service.js';
import { cliActor, withContext } from '../command-support.js';
import { printJson, printTable } from '../output.js';

function printQueues(queues: QueueInfo[]): void {
  printTable(
    ['NAME', 'TITLE', 'STATE', ...ACTIVE_STATUSES, 'DESCRIPTION'],
    queues.map((queue) => [
      queue.name,
      queue.title,
      queue.paused ? 'paused' : 'active',
      ...ACTIVE_STATUSES.map((status) => queue.counts[status]),
      queue.description,
    ]),
  );
}

export function registerQueueCommands(program: Command): void {
  const queues = program.command('queues').description('the configured queues: run counts, pause and resume');

  queues
    .command('list')
    .description('list queues with their state and run counts (with --json: counts of every status)')
    .action(
      withContext(async ({ deck, json }) => {
        const list = await deck.queueAdmin.list();
        if (json) printJson(list);
        else printQueues(list);
      }),
    );

  queues
    .command('pause <name>')
    .description('stop workers taking runs of the queue; running runs go on')
    .action(
      withContext(async ({ deck, json }, name: string) => {
        const queue = await deck.queueAdmin.pause(name, cliActor());
        if (json) printJson(queue);
        else process.stdout.write(`Queue ${queue.name} is paused; ${queue.counts.QUEUED} run(s) wait in it.\n`);
      }),
    );

  queues
    .command('resume <name>')
    .description('let workers take runs of the queue again')
    .action(
      withContext(async ({ deck, json }, name: string) => {
        const queue = await deck.queueAdmin.resume(name, cliActor());
        if (json) printJson(queue);
        else process.stdout.write(`Queue ${queue.name} is active again.\n`);
      }),
    );
}
