import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the browser tests look for Chromium: JOBDECK_CHROMIUM, else Debian's package. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumDeps {
  exists(file: string): boolean;
  isRoot: boolean;
  run(command: string, args: string[]): void;
  say(message: string): void;
}

const realDeps: ChromiumDeps = {
  exists: existsSync,
  isRoot: process.getuid?.() === 0,
  run: (command, args) =>
    execFileSync(command, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }),
  say: (message) => process.stderr.write(`${message}\n`),
};

/**
 * The Chromium the browser tests drive, so that `npm test` passes on a fresh machine with no other
 * step: Debian's package is installed with apt-get when it is missing and we are root with apt —
 * never downloaded from elsewhere. Otherwise the error says what to do.
 */
export function ensureChromium(env: NodeJS.ProcessEnv = process.env, deps: ChromiumDeps = realDeps): string {
  const configured = env.JOBDECK_CHROMIUM;
  if (configured) {
    if (!deps.exists(configured)) throw new Error(`JOBDECK_CHROMIUM=${configured}: no such file.`);
    return configured;
  }
  if (deps.exists(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (deps.isRoot && deps.exists('/usr/bin/apt-get')) {
    deps.say(
      `Browser tests: Chromium is not installed (${DEBIAN_CHROMIUM}); installing Debian's package ` +
        'with "apt-get update && apt-get install -y chromium" (once; about a minute)…',
    );
    deps.run('apt-get', ['update', '-qq']);
    deps.run('apt-get', ['install', '-y', '-qq', 'chromium']);
    if (deps.exists(DEBIAN_CHROMIUM)) {
      deps.say(`Browser tests: Chromium installed at ${DEBIAN_CHROMIUM}.`);
      return DEBIAN_CHROMIUM;
    }
  }
  throw new Error(
    `The browser tests need Chromium and found none at ${DEBIAN_CHROMIUM}. Install it (Debian/Ubuntu: ` +
      '"sudo apt-get install chromium"), or set JOBDECK_CHROMIUM to a Chromium or Chrome executable; ' +
      'to run the other tests alone: npx vitest run --project unit --project sqlite --project postgres.',
  );
}
