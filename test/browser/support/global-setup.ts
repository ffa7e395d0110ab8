import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const ui = path.join(root, 'ui');

/** Newest modification time of the UI's sources (ui/ without its build). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The browser tests drive the built UI as users get it, in Chromium (installed here if missing,
 * see chromium.ts). Builds the UI when `ui/dist` is missing or older than a UI source file;
 * JOBDECK_UI_REBUILD=1 forces a fresh build.
 */
export default function setup(): void {
  ensureChromium();
  const index = path.join(ui, 'dist', 'index.html');
  const fresh = existsSync(index) && statSync(index).mtimeMs >= newestSource(ui);
  if (fresh && process.env.JOBDECK_UI_REBUILD !== '1') return;
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'ui/vite.config.ts'],
    {
      cwd: root,
      // Vitest sets NODE_ENV=test, which Vite would keep: React and antd would build in test mode.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}
