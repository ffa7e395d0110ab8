import fs from 'node:fs';
import type { Command } from 'commander';
import { ConfigurationError } from '../../domain/errors.js';
import { cliActor, withContext } from '../command-support.js';
import { EXIT_ERROR, printJson } from '../output.js';

/**
 * `jobs export` and `jobs apply`: job definitions as a JSON file, keyed by `key`, to move them
 * between environments (staging → production) or keep them in version control.
 */
export function registerJobFileCommands(jobs: Command): void {
  jobs
    .command('export')
    .description('write every job as JSON keyed by `key` (jobs without one are given one: their title as a slug)')
    .option('--file <path>', 'write to this file instead of standard output')
    .action(
      withContext(async ({ deck }, options: { file?: string }) => {
        const file = await deck.jobDefinitions.exportFile();
        const text = `${JSON.stringify(file, null, 2)}\n`;
        if (options.file) {
          fs.writeFileSync(options.file, text);
          process.stderr.write(`${file.jobs.length} job(s) written to ${options.file}\n`);
        } else process.stdout.write(text);
      }),
    );

  jobs
    .command('apply <file>')
    .description('create or update the jobs of an export file by key ("-" reads standard input)')
    .action(
      withContext(async ({ deck, json }, path: string) => {
        const result = await deck.jobDefinitions.applyFile(readJson(path), { actor: cliActor() });
        if (json) printJson(result);
        else {
          process.stdout.write(`created ${result.created.length}, updated ${result.updated.length}\n`);
          for (const failure of result.failed) {
            const fields = failure.errors.map((e) => `${e.field}: ${e.messages.join(' ')}`).join('; ');
            process.stderr.write(`${failure.key}: ${failure.message}${fields ? ` (${fields})` : ''}\n`);
          }
        }
        if (result.failed.length) process.exitCode = EXIT_ERROR;
      }),
    );
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`${path} is not JSON: ${(error as Error).message}`);
  }
}
