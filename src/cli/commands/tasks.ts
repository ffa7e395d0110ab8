import type { Command } from 'commander';
import { withContext } from '../command-support.js';
import { printJson, printTable } from '../output.js';

export function registerTaskCommands(program: Command): void {
  const tasks = program.command('tasks').description('the task types jobs can be made of');
  tasks
    .command('list')
    .description('list registered tasks (with --json: their argument JSON Schemas)')
    .action(
      withContext(async ({ deck, json }) => {
        const list = deck.tasks.list();
        if (json) {
          printJson(
            list.map((task) => ({
              id: task.id,
              title: task.title,
              description: task.description,
              args_schema: task.argsSchema,
            })),
          );
          return;
        }
        printTable(
          ['ID', 'TITLE', 'DESCRIPTION'],
          list.map((task) => [task.id, task.title, task.description]),
        );
      }),
    );
}
