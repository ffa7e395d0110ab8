import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every verb of the Store interface has a direct conformance test under test/db/store (which runs
 * on both dialects): a new verb without one fails here, naming it.
 */
const root = path.resolve(import.meta.dirname, '../..');

/** The verbs of an interface declared in `file` from `start` to its closing brace. */
function verbsOf(file: string, start: RegExp): string[] {
  const source = fs.readFileSync(path.join(root, file), 'utf8');
  const at = source.search(start);
  if (at < 0) return [];
  const body = source.slice(at);
  return [...body.slice(0, body.indexOf('\n}\n')).matchAll(/^ {2}([a-zA-Z]+)\(/gm)].map((match) => match[1]!);
}

/** Store's own verbs and those of the feature interfaces it extends (src/storage/*-store.ts). */
function storeVerbs(): string[] {
  const features = fs
    .readdirSync(path.join(root, 'src/storage'))
    .filter((file) => file.endsWith('-store.ts') && file !== 'kysely-store.ts' && file !== 'open-store.ts')
    .flatMap((file) => verbsOf(`src/storage/${file}`, /export interface \w+Store \{/));
  return [...verbsOf('src/storage/store.ts', /export interface Store\b[^{]*\{/), ...features];
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
