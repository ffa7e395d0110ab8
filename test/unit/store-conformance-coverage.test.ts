import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every verb of the Store interface has a direct conformance test under test/db/store (which runs
 * on both dialects): a new verb without one fails here, naming it.
 */
const root = path.resolve(import.meta.dirname, '../..');

/** The verbs of an interface body: its methods' names at two spaces of indent. */
function verbsOf(source: string, start: RegExp): string[] {
  const at = source.search(start);
  if (at < 0) return [];
  const body = source.slice(at);
  return [...body.slice(0, body.indexOf('\n}\n')).matchAll(/^ {2}([a-zA-Z]+)\(/gm)].map((match) => match[1]!);
}

/** Store's own verbs and those of the feature sub-interfaces it extends (src/storage/*-store.ts). */
function storeVerbs(): string[] {
  const storage = path.join(root, 'src/storage');
  const own = verbsOf(fs.readFileSync(path.join(storage, 'store.ts'), 'utf8'), /export interface Store\b/);
  const features = fs
    .readdirSync(storage)
    .filter((file) => file.endsWith('-store.ts') && !['open-store.ts', 'kysely-store.ts'].includes(file))
    .flatMap((file) => verbsOf(fs.readFileSync(path.join(storage, file), 'utf8'), /export interface \w+Store\b/));
  return [...own, ...features];
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
