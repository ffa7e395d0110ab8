// Benchmarks run compiled from dist-bench/bench/ (scripts/build-bench.mjs) or, for a quick look,
// from the sources through tsx. These helpers find the source tree's folders and start sibling
// scripts the same way in both cases.
import { fileURLToPath } from 'node:url';

const compiled = (metaUrl: string) => metaUrl.includes('/dist-bench/');

/** A path in the source tree's bench/ folder next to the calling module (results, peers). */
export function sourcePath(metaUrl: string, relative: string): string {
  const url = new URL(relative, metaUrl);
  const file = fileURLToPath(url);
  return compiled(metaUrl) ? file.replace(`${'/dist-bench/'}`, '/') : file;
}

/** Node arguments that run the sibling script `name` (given as `x.ts`) of the calling module. */
export function scriptArgs(metaUrl: string, name: string): string[] {
  if (compiled(metaUrl)) return [fileURLToPath(new URL(name.replace(/\.ts$/, '.js'), metaUrl))];
  return ['--import', 'tsx', fileURLToPath(new URL(name, metaUrl))];
}
