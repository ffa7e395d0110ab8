// The peer systems live in their own folder (gitignored), installed on first use: they are never
// dependencies of Jobdeck, and their versions are pinned here so every machine measures the same.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sourcePath } from '../support/paths.js';

export const PEERS_DIR = sourcePath(import.meta.url, './.peers/');

/**
 * Pinned to the newest releases that support Node 20 (graphile-worker 0.18 and pg-boss 11+
 * require Node 22). BullMQ runs on Redis: it has no PostgreSQL backend of its own.
 */
export const PEER_VERSIONS = {
  'graphile-worker': '0.17.3',
  'pg-boss': '10.4.2',
  bullmq: '6.7.0',
  ioredis: '5.9.2',
} as const;

export type PeerName = keyof typeof PEER_VERSIONS;

function installedVersion(name: PeerName): string | undefined {
  try {
    const manifest = path.join(PEERS_DIR, 'node_modules', name, 'package.json');
    return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** The peers each compared system loads. */
const PEERS_OF: Record<string, PeerName[]> = {
  'graphile-worker': ['graphile-worker'],
  'pg-boss': ['pg-boss'],
  'bullmq-postgres': ['bullmq', 'ioredis'],
  'bullmq-redis': ['bullmq', 'ioredis'],
};

/** Installs the pinned peers these systems need, unless they are there already. */
export function ensurePeers(systems: string[]): void {
  const needed = new Set(systems.flatMap((system) => PEERS_OF[system] ?? []));
  const missing = [...needed].filter((n) => installedVersion(n) !== PEER_VERSIONS[n]);
  if (missing.length === 0) return;
  fs.mkdirSync(PEERS_DIR, { recursive: true });
  const manifest = {
    name: 'jobdeck-bench-peers',
    private: true,
    description: 'Written by bench/compare/peers.ts; the peers the comparison runs against.',
    dependencies: Object.fromEntries(
      (Object.keys(PEER_VERSIONS) as PeerName[])
        .filter((n) => needed.has(n) || installedVersion(n) !== undefined)
        .map((n) => [n, PEER_VERSIONS[n]]),
    ),
  };
  fs.writeFileSync(path.join(PEERS_DIR, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`installing peers into ${PEERS_DIR}: ${missing.join(', ')}`);
  execFileSync('npm', ['install', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', '--loglevel=error'], {
    stdio: 'inherit',
  });
}

const requirePeer = createRequire(path.join(PEERS_DIR, 'package.json'));

/** Loads a peer from its folder; the caller states the small part of its API it uses. */
export function loadPeer<T>(name: PeerName): T {
  return requirePeer(name) as T;
}
