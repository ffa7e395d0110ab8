import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every verb of the Store interface has a direct conformance test under test/db/store (which runs
 * on both dialects): a new verb without one fails here, naming it.
 */
const root = path.resolve(import.meta.dirname, '../..');

/** The verbs of an interface's body: lines `  name(` up to its closing brace. */
function verbsOf(source: string, start: number): string[] {
  const body = source.slice(start);
  const end = body.indexOf('\n}\n');
  return [...body.slice(0, end).matchAll(/^ {2}([a-zA-Z]+)\(/gm)].map((match) => match[1]!);
}

/** Store's own verbs and those of the sub-interfaces it extends (src/storage/*-store.ts). */
function storeVerbs(): string[] {
  const storage = path.join(root, 'src/storage');
  const source = fs.readFileSync(path.join(storage, 'store.ts'), 'utf8');
  const verbs = verbsOf(source, source.search(/export interface Store\b[^{]*\{/));
  for (const file of fs.readdirSync(storage).filter((f) => f.endsWith('-store.ts') && f !== 'kysely-store.ts')) {
    const sub = fs.readFileSync(path.join(storage, file), 'utf8');
    for (const match of sub.matchAll(/export interface \w+Store\b[^{]*\{/g)) verbs.push(...verbsOf(sub, match.index));
  }
  return verbs;
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
