import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  /** Gzipped bytes the first page load fetches: the entry script, its preloads and CSS. */
  initialGzip: number;
  initialFiles: string[];
  /** Every JS/CSS file of the build with its gzipped size, largest first. */
  chunks: { file: string; bytes: number; gzip: number }[];
}

/** Measures a `vite build` output the way a browser fetches it (gzip level 9). */
export function measureBundle(dist: string): BundleSizes {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initialFiles = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const gzip = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
  const chunks = readdirSync(path.join(dist, 'assets'))
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => {
      const file = `assets/${f}`;
      return { file, bytes: readFileSync(path.join(dist, file)).length, gzip: gzip(file) };
    })
    .sort((a, b) => b.gzip - a.gzip);
  return { initialGzip: initialFiles.reduce((sum, f) => sum + gzip(f), 0), initialFiles, chunks };
}
