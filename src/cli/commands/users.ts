import type { Command } from 'commander';
import { ROLES } from '../../domain/access.js';
import type { User } from '../../domain/user.js';
import { userToWire } from '../../wire/user-wire.js';
import { cliActor, parseInteger, withContext } from '../command-support.js';
import { printJson, printTable } from '../output.js';
import { readPassword } from '../password-input.js';

interface UpdateFlags {
  email?: string;
  name?: string;
  role?: string;
}

function show(user: User, json: boolean, what: string): void {
  if (json) printJson(userToWire(user));
  else process.stdout.write(`Account ${user.email} (${user.name}, ${user.role}) ${what}.\n`);
}

/** `jobdeck users …`: people's accounts (docs/sign-in.md). Accounts are named by id or e-mail. */
export function registerUserCommands(program: Command): void {
  const users = program.command('users').description("people's accounts: sign-in to the admin with a role");

  users
    .command('create')
    .description('create an account (then give it a password with users set-password, or sign in through OIDC)')
    .requiredOption('--email <email>', 'the e-mail address the person signs in with')
    .requiredOption('--name <name>', 'the name shown')
    .requiredOption('--role <role>', ROLES.join(', '))
    .action(
      withContext(async ({ deck, json }, flags: { email: string; name: string; role: string }) => {
        show(await deck.users.create(flags, { actor: cliActor() }), json, 'created');
      }),
    );

  users
    .command('list')
    .description('list accounts (never their passwords)')
    .option('--limit <n>', 'at most this many (default 1000)', parseInteger('limit', 1), 1000)
    .action(
      withContext(async ({ deck, json }, flags: { limit: number }) => {
        const list = await deck.users.list(flags.limit);
        if (json) return printJson(list.map(userToWire));
        printTable(
          ['ID', 'EMAIL', 'NAME', 'ROLE', 'DISABLED', 'PASSWORD', 'OIDC', 'LAST SIGN-IN'],
          list.map((u) => [
            u.id,
            u.email,
            u.name,
            u.role,
            u.disabled ? 'yes' : 'no',
            u.hasPassword ? 'set' : '-',
            u.oidc?.issuer,
            u.lastSignIn?.toISOString(),
          ]),
        );
      }),
    );

  users
    .command('update <account>')
    .description('change an account’s e-mail, name or role')
    .option('--email <email>')
    .option('--name <name>')
    .option('--role <role>', ROLES.join(', '))
    .action(
      withContext(async ({ deck, json }, account: string, flags: UpdateFlags) => {
        const user = await deck.users.find(account);
        show(await deck.users.update(user.id, flags, { actor: cliActor() }), json, 'updated');
      }),
    );

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(`${name} <account>`)
      .description(disabled ? 'disable an account: it cannot sign in, its sessions end at once' : 'enable it again')
      .action(
        withContext(async ({ deck, json }, account: string) => {
          const user = await deck.users.find(account);
          show(await deck.users.update(user.id, { disabled }, { actor: cliActor() }), json, `${name}d`);
        }),
      );
  }

  users
    .command('set-password <account>')
    .description('set an account’s password: asked on a terminal, else read from stdin')
    .action(
      withContext(async ({ deck, json }, account: string) => {
        const user = await deck.users.find(account);
        show(
          await deck.users.setPassword(user.id, await readPassword(), { actor: cliActor() }),
          json,
          'has a new password',
        );
      }),
    );
}
