// Compiles src/ into dist/ (what `jobdeck` and the package's import run), then copies the data
// files tsc does not emit. Runs on `npm ci` through `prepare`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
fs.rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
fs.cpSync('src/tasks/demo/organisations.json', 'dist/tasks/demo/organisations.json');
