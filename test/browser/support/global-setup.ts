import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The browser tests drive the built UI as users get it. Builds it once when `ui/dist` is
 * missing; JOBDECK_UI_REBUILD=1 forces a fresh build (after changing the UI).
 */
export default function setup(): void {
  if (existsSync(`${root}/ui/dist/index.html`) && process.env.JOBDECK_UI_REBUILD !== '1') return;
  execFileSync(process.execPath, [`${root}/node_modules/vite/bin/vite.js`, 'build', '--config', 'ui/vite.config.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
