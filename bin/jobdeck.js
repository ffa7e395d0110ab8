#!/usr/bin/env node
// Jobdeck runs its compiled build (dist/, made by `npm run build`, which `npm ci` runs through
// `prepare`) when it is at least as new as the sources; otherwise — a checkout being edited — it
// runs the TypeScript sources through tsx. JOBDECK_FROM_SOURCE=1 forces the sources.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist', 'cli', 'main.js');
const sources = path.join(root, 'src');

function newestIn(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

const useBuild =
  process.env.JOBDECK_FROM_SOURCE !== '1' &&
  fs.existsSync(built) &&
  (!fs.existsSync(sources) || fs.statSync(built).mtimeMs >= newestIn(sources));

if (useBuild) {
  await import(built);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  globalThis[Symbol.for('jobdeck.typescript-loader')] = true;
  await import('../src/cli/main.ts');
}
