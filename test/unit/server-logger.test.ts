import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createServerLogger } from '../../src/observability/server-logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createServerLogger({ level: 'debug', destination }) };
}

it('never writes tokens, passwords, webhook secrets, Authorization or Cookie headers', () => {
  const { lines, logger } = capture();
  const secrets = ['jd_tok_SECRET1', 'smtp-pass-SECRET2', 'whsec_SECRET3', 'cookie-SECRET4', 'db-pass-SECRET5'];
  logger.info({ token: secrets[0], user: 'alice' }, 'token made');
  logger.info({ smtp: { url: `smtp://mailer:${secrets[1]}@127.0.0.1:2525`, password: secrets[1] } }, 'smtp');
  logger.warn({ webhook: { url: 'http://127.0.0.1/hook', secret: secrets[2] }, webhook_secret: secrets[2] }, 'hook');
  logger.info(
    {
      req: {
        headers: { Authorization: `Bearer ${secrets[0]}`, cookie: `jobdeck_session=${secrets[3]}`, accept: '*/*' },
      },
    },
    'request',
  );
  logger.error({ err: new Error(`cannot connect to postgres://app:${secrets[4]}@db:5432/app`) }, 'failed');
  logger.error(new Error(`sent Authorization: Bearer ${secrets[0]}`));
  logger.info(`login with Bearer ${secrets[0]} at postgres://app:${secrets[4]}@db/app`);
  const output = lines.join('');
  for (const secret of secrets) expect(output).not.toContain(secret);
  // What is not secret stays readable.
  expect(output).toContain('alice');
  expect(output).toContain('127.0.0.1:2525');
  expect(output).toContain('*/*');
  expect(output).toContain('cannot connect to postgres://app:[redacted]@db:5432/app');
  expect(JSON.parse(lines[4]!).err).toMatchObject({ type: 'Error', stack: expect.stringContaining('Error: cannot') });
  expect(lines).toHaveLength(7);
});

it('honours the level', () => {
  const { lines, logger } = capture();
  logger.level = 'warn';
  logger.info('hidden');
  logger.warn('shown');
  expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
});

it('refuses an unknown level by name', () => {
  expect(() => createServerLogger({ level: 'verbose' })).toThrow('Unknown log level "verbose"');
});
