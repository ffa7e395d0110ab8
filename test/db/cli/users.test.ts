import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { UserWire } from '../../../src/wire/user-wire.js';
import { cli, cliJson } from '../../support/cli.js';
import { useTestDatabase } from '../../support/fixtures.js';
import { openStore } from '../../../src/storage/open-store.js';
import { verifyPassword } from '../../../src/service/password-hasher.js';

const BIN = fileURLToPath(new URL('../../../bin/jobdeck.js', import.meta.url));

/** `jobdeck users set-password` reading the password from stdin, as a script would give it. */
function setPassword(account: string, database: string, input: string): Promise<number> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, 'users', 'set-password', account],
      { env: { ...process.env, JOBDECK_DATABASE_URL: database }, timeout: 60_000 },
      (error) => resolve(error ? Number(error.code ?? 1) : 0),
    );
    child.stdin!.end(input);
  });
}

describe('jobdeck CLI: users', () => {
  it('creates, updates, disables and lists an account and sets its password from stdin', async () => {
    const { url } = useTestDatabase();
    const created = await cliJson<UserWire>(
      ['users', 'create', '--email', 'Alice@example.org', '--name', 'Alice', '--role', 'operator'],
      url,
    );
    expect(created).toMatchObject({ email: 'Alice@example.org', role: 'operator', has_password: false });
    expect(await setPassword('alice@example.org', url, 'correct horse battery\n')).toBe(0);
    const updated = await cliJson<UserWire>(
      ['users', 'update', created.id, '--role', 'admin', '--name', 'Alice A.'],
      url,
    );
    expect(updated).toMatchObject({ role: 'admin', name: 'Alice A.', has_password: true });
    expect((await cliJson<UserWire>(['users', 'disable', 'alice@example.org'], url)).disabled).toBe(true);

    const listed = await cli(['users', 'list'], url);
    expect(listed.stdout).toMatch(/EMAIL\s+NAME\s+ROLE\s+DISABLED/);
    expect(listed.stdout).toMatch(/Alice@example.org\s+Alice A.\s+admin\s+yes\s+set/);

    const store = await openStore(url);
    try {
      const found = await store.userByEmail('alice@example.org');
      expect(found?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword(found!.passwordHash!, 'correct horse battery')).toBe(true);
    } finally {
      await store.close();
    }
  }, 120_000);
});
