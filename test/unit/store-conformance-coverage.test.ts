import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every verb of the Store interface has a direct conformance test under test/db/store (which runs
 * on both dialects): a new verb without one fails here, naming it.
 */
const root = path.resolve(import.meta.dirname, '../..');

function verbsOf(source: string, start: RegExp): string[] {
  const at = source.search(start);
  if (at < 0) return [];
  const body = source.slice(at);
  const end = body.indexOf('\n}\n');
  return [...body.slice(0, end).matchAll(/^ {2}([a-zA-Z]+)\(/gm)].map((match) => match[1]!);
}

/** The verbs of `Store` and of the sub-interfaces it extends (src/storage/<feature>-store.ts). */
function storeVerbs(): string[] {
  const storage = path.join(root, 'src/storage');
  const source = fs.readFileSync(path.join(storage, 'store.ts'), 'utf8');
  const parts = fs
    .readdirSync(storage)
    .filter((file) => file.endsWith('-store.ts') && file !== 'kysely-store.ts')
    .map((file) => fs.readFileSync(path.join(storage, file), 'utf8'));
  return [
    ...verbsOf(source, /export interface Store\b[^{]*\{/),
    ...parts.flatMap((part) => verbsOf(part, /export interface \w+Store\b[^{]*\{/)),
  ];
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
