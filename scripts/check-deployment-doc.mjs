#!/usr/bin/env node
// Runs what docs/deployment.md tells readers to run: every ```sh test block, in order, in one
// bash session in a scratch folder (`jobdeck` on the PATH is this checkout's bin/jobdeck.js), with
// PgBouncer in transaction mode on 127.0.0.1:6433 (.ci/pgbouncer.sh) and a database of its own
// (DB); and every ```ini unit=NAME block through `systemd-analyze verify`. Fails on any error.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const say = (line) => process.stdout.write(`${line}\n`);
const root = fileURLToPath(new URL('..', import.meta.url));
const doc = fs.readFileSync(path.join(root, 'docs/deployment.md'), 'utf8');
const blocks = [...doc.matchAll(/^```(\w+)([^\n]*)\n([\s\S]*?)^```$/gm)].map(([, lang, meta, body]) => ({
  lang,
  meta: meta.trim(),
  body,
}));
const scripts = blocks.filter((b) => b.lang === 'sh' && b.meta === 'test');
const units = blocks.filter((b) => b.lang === 'ini' && b.meta.startsWith('unit='));
if (scripts.length === 0 || units.length === 0) throw new Error('docs/deployment.md: no tested blocks found');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobdeck-deploy-doc-'));
const bin = path.join(dir, 'bin');
fs.mkdirSync(bin);
fs.writeFileSync(
  path.join(bin, 'jobdeck'),
  `#!/bin/sh\nexec node ${JSON.stringify(path.join(root, 'bin/jobdeck.js'))} "$@"\n`,
  {
    mode: 0o755,
  },
);

// Units: systemd's own checker, with the unit's paths made to exist in the scratch folder.
const unitDir = path.join(dir, 'units');
fs.mkdirSync(unitDir);
for (const unit of units) {
  const name = unit.meta.slice('unit='.length);
  const body = unit.body
    .replace(/^User=.*$/m, 'User=root')
    .replace(/^WorkingDirectory=.*$/m, `WorkingDirectory=${dir}`);
  fs.writeFileSync(path.join(unitDir, name.replace('@.', '@1.')), body);
}
const analyze = spawnSync('systemd-analyze', ['verify', ...fs.readdirSync(unitDir).map((f) => path.join(unitDir, f))], {
  encoding: 'utf8',
});
if (analyze.error) say('systemd-analyze is not installed: units not verified');
else {
  // Outside a booted systemd it also complains about the host's own units; ours must be clean.
  const ours = (analyze.stderr + analyze.stdout).split('\n').filter((line) => line.includes(unitDir));
  if (ours.length) throw new Error(`systemd-analyze verify:\n${ours.join('\n')}`);
  say(`${units.length} systemd units verified`);
}

const db = `jobdeck_doc_${process.pid}`;
const direct = 'postgres://postgres@127.0.0.1:5432/test';
const psql = (sql) => execFileSync('psql', [direct, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: 'inherit' });
execFileSync(path.join(root, '.ci/pgbouncer.sh'), ['start'], { stdio: 'inherit' });
psql(`create database ${db}`);
let status = 1;
try {
  const script = ['set -euo pipefail', ...scripts.map((s) => s.body)].join('\n');
  const result = spawnSync('bash', ['-c', script], {
    cwd: dir,
    stdio: 'inherit',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, DB: db, JOBDECK_LOG_LEVEL: 'info' },
  });
  status = result.status ?? 1;
} finally {
  execFileSync(path.join(root, '.ci/pgbouncer.sh'), ['stop'], { stdio: 'inherit' });
  psql(`drop database if exists ${db} with (force)`);
  if (status === 0) fs.rmSync(dir, { recursive: true, force: true });
  else console.error(`docs/deployment.md: a tested block failed; its files are in ${dir}`);
}
say(status === 0 ? `docs/deployment.md: ${scripts.length} tested blocks passed` : '');
process.exit(status);
