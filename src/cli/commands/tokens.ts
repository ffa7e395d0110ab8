import type { Command } from 'commander';
import { ROLES } from '../../domain/access.js';
import { tokenToWire } from '../../wire/access-wire.js';
import { cliActor, withContext } from '../command-support.js';
import { printJson, printTable } from '../output.js';

export function registerTokenCommands(program: Command): void {
  const tokens = program.command('tokens').description('API tokens: who may use the HTTP API, with which role');

  tokens
    .command('create')
    .description('create a token and print its secret (shown this once only)')
    .requiredOption('--name <name>', 'who or what the token is for')
    .requiredOption('--role <role>', ROLES.join(', '))
    .action(
      withContext(async ({ deck, json }, options: { name: string; role: string }) => {
        const { token, secret } = await deck.tokens.create({ name: options.name, role: options.role }, cliActor());
        if (json) return printJson({ id: token.id, name: token.name, role: token.role, token: secret });
        process.stdout.write(
          `Token ${token.id} (${token.name}, ${token.role}) created. Its secret:\n\n  ${secret}\n\n` +
            'Store it now: it is shown only this once and cannot be recovered (only its hash is kept).\n',
        );
      }),
    );

  tokens
    .command('list')
    .description('list tokens (never their secrets)')
    .action(
      withContext(async ({ deck, json }) => {
        const list = await deck.tokens.list();
        if (json) return printJson(list.map(tokenToWire));
        printTable(
          ['ID', 'NAME', 'ROLE', 'CREATED', 'LAST USED', 'REVOKED'],
          list.map((token) => [
            token.id,
            token.name,
            token.role,
            token.created.toISOString(),
            token.lastUsed?.toISOString(),
            token.revoked?.toISOString(),
          ]),
        );
      }),
    );

  tokens
    .command('revoke <id>')
    .description('revoke a token: it stops working at once')
    .action(
      withContext(async ({ deck, json }, id: string) => {
        const token = await deck.tokens.revoke(id, cliActor());
        if (json) printJson(tokenToWire(token));
        else process.stdout.write(`Token ${token.id} (${token.name}) is revoked.\n`);
      }),
    );
}
