import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every verb of the Store interface has a direct conformance test under test/db/store (which runs
 * on both dialects): a new verb without one fails here, naming it.
 */
const root = path.resolve(import.meta.dirname, '../..');

/** The verbs of an interface declared in src/storage (the Store, and the sub-interfaces it extends). */
function interfaceVerbs(name: string): string[] {
  const folder = path.join(root, 'src/storage');
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(folder, file), 'utf8');
    const match = new RegExp(`export interface ${name}\\b\\s*(?:extends\\s+([^{]+))?\\{`).exec(source);
    if (!match) continue;
    const body = source.slice(match.index);
    const own = [...body.slice(0, body.indexOf('\n}\n')).matchAll(/^ {2}([a-zA-Z]+)\(/gm)].map((m) => m[1]!);
    const parents = (match[1] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    return [...own, ...parents.flatMap(interfaceVerbs)];
  }
  throw new Error(`interface ${name} not found in src/storage`);
}

function storeVerbs(): string[] {
  return interfaceVerbs('Store');
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
