import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL cluster of this test alone (never the shared server, which others use): made with
 * initdb in a temp folder, on a free port, owned by the postgres user; removed by `destroy()`.
 */
export interface PrivatePostgres {
  url: string;
  /** The same database over the cluster's Unix socket (reachable from any network namespace). */
  socketUrl: string;
  restart(): void;
  stop(): void;
  start(): void;
  destroy(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface PrivatePostgresOptions {
  /** Run the cluster inside this network namespace (`ip netns exec`), e.g. a test's database host. */
  netns?: string;
  /** The address to listen on (default 127.0.0.1) and the port (default a free one). */
  host?: string;
  port?: number;
}

export async function startPrivatePostgres(opts: PrivatePostgresOptions = {}): Promise<PrivatePostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobdeck-pg-'));
  const data = path.join(dir, 'data');
  fs.chmodSync(dir, 0o777);
  const inNetns = opts.netns ? ['ip', 'netns', 'exec', opts.netns] : [];
  const asPostgres = (tool: string, args: string[]) => {
    const [command, ...rest] = [...inNetns, 'runuser', '-u', 'postgres', '--', path.join(BIN, tool), ...args];
    return execFileSync(command!, rest, { stdio: 'pipe', timeout: 60_000 });
  };
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const host = opts.host ?? '127.0.0.1';
  // initdb trusts loopback only; on a test network, the hosts of the same subnet are let in too.
  if (host !== '127.0.0.1') fs.appendFileSync(path.join(data, 'pg_hba.conf'), 'host all all samenet trust\n');
  const port = opts.port ?? (await freePort());
  const options = `-p ${port} -k ${dir} -c listen_addresses=${host} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const ctl = (...args: string[]) =>
    asPostgres('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60', ...args]);
  ctl('-o', options, 'start');
  const overSocket = (db: string) => `postgres://postgres@localhost/${db}?host=${encodeURIComponent(dir)}&port=${port}`;
  const admin = new pg.Client({ connectionString: overSocket('postgres') });
  await admin.connect();
  await admin.query('create database jobdeck');
  await admin.end();
  return {
    url: `postgres://postgres@${host}:${port}/jobdeck`,
    socketUrl: overSocket('jobdeck'),
    restart: () => ctl('-o', options, '-m', 'fast', 'restart'),
    stop: () => ctl('-m', 'fast', 'stop'),
    start: () => ctl('-o', options, 'start'),
    destroy: () => {
      try {
        ctl('-m', 'immediate', 'stop');
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
