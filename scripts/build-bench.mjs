// Compiles the benchmarks so that they measure what ships: `dist/` (rebuilt with scripts/build.mjs
// when a file under src/ is newer than it), and bench/ transpiled to dist-bench/bench/ (types are
// checked by `npm run typecheck`). dist-bench/src is a link to dist/, so a bench's
// `import '../src/…'` loads the compiled package, not a second copy of it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const ts = require('typescript');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const built = fs.existsSync('dist/index.js') ? fs.statSync('dist/index.js').mtimeMs : 0;
if (built < newestMtime('src')) {
  console.error('build-bench: src/ changed since the last build, running npm run build');
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

fs.rmSync('dist-bench', { recursive: true, force: true });
for (const entry of fs.readdirSync('bench', { withFileTypes: true, recursive: true })) {
  const from = path.join(entry.parentPath, entry.name);
  if (!entry.isFile() || !from.endsWith('.ts') || from.includes(`${path.sep}.peers${path.sep}`)) continue;
  const { outputText } = ts.transpileModule(fs.readFileSync(from, 'utf8'), {
    fileName: from,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, sourceMap: false },
  });
  const to = path.join('dist-bench', from.replace(/\.ts$/, '.js'));
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, outputText);
}
fs.symlinkSync('../dist', 'dist-bench/src', 'dir');
