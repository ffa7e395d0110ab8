import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every verb of the Store interface has a direct conformance test under test/db/store (which runs
 * on both dialects): a new verb without one fails here, naming it.
 */
const root = path.resolve(import.meta.dirname, '../..');

function storeVerbs(): string[] {
  const storage = path.join(root, 'src/storage');
  // The Store interface and the sub-interfaces it extends (src/storage/<feature>-store.ts).
  const sources = ['store.ts', ...fs.readdirSync(storage).filter((file) => file.endsWith('-store.ts'))].map((file) =>
    fs.readFileSync(path.join(storage, file), 'utf8'),
  );
  return sources.flatMap((source) =>
    [...source.matchAll(/^export interface \w*Store\b[^{]*\{\n([\s\S]*?)\n\}\n/gm)].flatMap((body) =>
      [...body[1]!.matchAll(/^ {2}([a-zA-Z]+)\(/gm)].map((match) => match[1]!),
    ),
  );
}

describe('store conformance suite', () => {
  it('calls every Store verb at least once', () => {
    const folder = path.join(root, 'test/db/store');
    const tests = fs
      .readdirSync(folder)
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => fs.readFileSync(path.join(folder, file), 'utf8'))
      .join('\n');
    const verbs = storeVerbs();
    expect(verbs.length).toBeGreaterThan(40);
    expect(verbs.filter((verb) => !tests.includes(`.${verb}(`))).toEqual([]);
  });
});
