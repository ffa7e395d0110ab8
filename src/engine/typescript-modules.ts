import { pathToFileURL } from 'node:url';
import { ConfigurationError } from '../domain/errors.js';

/**
 * Set by bin/jobdeck.js when it runs the TypeScript sources, and in isolated tasks' child
 * processes (started with tsx's loader): tsx is then already in place.
 */
const REGISTERED = Symbol.for('jobdeck.typescript-loader');
export const LOADER_ENV = 'JOBDECK_TYPESCRIPT_LOADER';

/**
 * Imports a user module (a config file, a tasks module) that may be TypeScript. Jobdeck itself
 * runs compiled, so tsx is registered only when such a file is met: it costs start-up time and
 * tens of megabytes that a JavaScript setup should not pay.
 */
export async function importUserModule(file: string): Promise<unknown> {
  if (/\.[mc]?tsx?$/.test(file)) await ensureTypeScriptLoader(file);
  return import(pathToFileURL(file).href);
}

async function ensureTypeScriptLoader(file: string): Promise<void> {
  const global = globalThis as { [REGISTERED]?: boolean };
  if (global[REGISTERED] || process.env[LOADER_ENV] === '1' || import.meta.url.endsWith('.ts')) return;
  let tsx: typeof import('tsx/esm/api');
  try {
    tsx = await import('tsx/esm/api');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new ConfigurationError(
      `${file} is TypeScript: loading it needs the tsx package, which is not installed (an optional ` +
        'peer dependency of Jobdeck). Install it with "npm install tsx", or compile the file to JavaScript.',
    );
  }
  tsx.register();
  global[REGISTERED] = true;
}
