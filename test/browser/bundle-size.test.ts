import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { measureBundle } from './support/bundle-size.js';

const dist = fileURLToPath(new URL('../../ui/dist', import.meta.url));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('admin UI bundle', () => {
  it('keeps the first load within 500 KB of gzipped JavaScript and CSS (pages load on demand)', () => {
    const sizes = measureBundle(dist);
    console.log(`initial load: ${kb(sizes.initialGzip)} gzipped (${sizes.initialFiles.join(', ')})`);
    for (const chunk of sizes.chunks) console.log(`  ${chunk.file}: ${kb(chunk.bytes)} (${kb(chunk.gzip)} gzipped)`);
    expect(sizes.initialGzip).toBeLessThanOrEqual(500 * 1024);
    // Each page is its own chunk, not part of the first load.
    for (const page of ['JobsPage', 'JobPage', 'RunPage', 'QueuesPage', 'AuditPage', 'SignInPage']) {
      expect(sizes.chunks.some((c) => c.file.startsWith(`assets/${page}-`))).toBe(true);
      expect(sizes.initialFiles.some((f) => f.startsWith(`assets/${page}-`))).toBe(false);
    }
    // The chart library (@ant-design/plots, ~460 KB gzipped) loads with the first chart shown.
    expect(sizes.initialFiles.some((f) => f.startsWith('assets/plots-'))).toBe(false);
  });
});
