import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

/**
 * The layer rule (scripts/layers.mjs) and the ban on import cycles are lint rules: these tests
 * write small probe files into src/, lint them with the project's own config and expect the
 * rule to fire, so a config change that silently disables either one fails here.
 */
const root = path.resolve(import.meta.dirname, '../..');
const probes: string[] = [];

function probe(folder: string, name: string, code: string): string {
  const file = path.join(root, 'src', folder, `${name}.ts`);
  fs.writeFileSync(file, code);
  probes.push(file);
  return file;
}

const eslint = new ESLint({ cwd: root });

async function ruleIds(files: string[]): Promise<string[]> {
  const results = await eslint.lintFiles(files);
  return results.flatMap((result) => result.messages.map((message) => message.ruleId ?? message.message));
}

afterEach(() => {
  for (const file of probes.splice(0)) fs.rmSync(file, { force: true });
});

// The first lint builds the TypeScript program of the whole project: slow on a loaded machine.
describe('lint rules', { timeout: 180_000 }, () => {
  it('fails on a layer violation (domain importing storage)', async () => {
    const name = `lint-probe-${randomUUID().slice(0, 8)}`;
    const file = probe(
      'domain',
      name,
      `import { JOB_SORTS } from '../storage/store.js';\nexport const sorts = JOB_SORTS;\n`,
    );
    expect(await ruleIds([file])).toContain('import-x/no-restricted-paths');
  });

  it('fails on an import cycle', async () => {
    const a = `lint-probe-${randomUUID().slice(0, 8)}`;
    const b = `lint-probe-${randomUUID().slice(0, 8)}`;
    const fileA = probe('service', a, `import { b } from './${b}.js';\nexport const a = (): number => b() + 1;\n`);
    const fileB = probe(
      'service',
      b,
      `import { a } from './${a}.js';\nexport const b = (): number => (a.length > 9 ? 0 : 1);\n`,
    );
    expect(await ruleIds([fileA, fileB])).toContain('import-x/no-cycle');
  });

  it('fails on a floating promise', async () => {
    const name = `lint-probe-${randomUUID().slice(0, 8)}`;
    const file = probe('service', name, `export function f(): void {\n  Promise.resolve(1);\n}\n`);
    expect(await ruleIds([file])).toContain('@typescript-eslint/no-floating-promises');
  });
});
