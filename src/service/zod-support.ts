import { createRequire } from 'node:module';
import { z } from 'zod';
import { ConfigurationError } from '../domain/errors.js';
import type { AnyTask } from '../domain/task.js';

/** The zod versions Jobdeck supports: its peer dependency range, defined in package.json only. */
const SUPPORTED: string = (
  createRequire(import.meta.url)('../../package.json') as { peerDependencies: { zod: string } }
).peerDependencies.zod;

/**
 * Jobdeck turns task schemas into forms and OpenAPI documents with zod 4's own functions: a zod 3
 * (the package's major, or a schema from `zod/v3`) would fail later, on some request, with a 500.
 * Checked at start, so the host learns it there.
 */
export function checkZod(tasks: readonly AnyTask[]): void {
  const version = (z as { core?: { version?: { major: number; minor: number; patch: number } } }).core?.version;
  if (version?.major !== 4) {
    const found = version ? `${version.major}.${version.minor}.${version.patch}` : 'an older zod (3 or before)';
    throw new ConfigurationError(`Jobdeck needs zod ${SUPPORTED} (a peer dependency); found ${found}.`);
  }
  for (const task of tasks) {
    if (!task.args || typeof task.args !== 'object' || !('_zod' in task.args)) {
      throw new ConfigurationError(
        `Task "${task.id}": its args schema is not a zod 4 schema (Jobdeck needs zod ${SUPPORTED}; ` +
          'import { z } from "zod" with zod 4 installed, not from "zod/v3").',
      );
    }
  }
}
