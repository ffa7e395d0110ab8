import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every ```ts block of the README and docs/*.md is type-checked against the package's types
 * (`jobdeck` → dist/index.d.ts, which `npm ci` builds), strict, so an example cannot drift from
 * the API. Examples are fragments: a name they use but do not define (`deck`, `sendWelcome`) is
 * declared `any` in a second pass; wrong methods, options and argument types on the package's
 * own objects still fail. A block that is not a whole statement list is fenced ```ts fragment.
 */
const root = path.resolve(import.meta.dirname, '../..');
const files = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).map((f) => `docs/${f}`)].filter((f) =>
  f.endsWith('.md'),
);

function blocksOf(file: string): { name: string; code: string }[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({
    name: `${file.replace(/[/.]/g, '_')}_${i + 1}.mts`,
    code: m[1]!,
  }));
}

/** Each block as a module (`export {}`: top-level await, its own names), with `names` declared. */
function prelude(code: string, names: Iterable<string> = []): string {
  return [...[...names].map((n) => `declare const ${n}: any;`), 'export {};', code].join('\n');
}

/** "Cannot find name", "did you mean", "no value for the shorthand property". */
const UNDEFINED_NAME = new Set([2304, 2552, 18004]);

describe('documentation examples', () => {
  it('type-check against the package', () => {
    // Inside the checkout, so that `zod` and the other packages resolve from node_modules.
    const cache = path.join(root, 'node_modules/.cache');
    fs.mkdirSync(cache, { recursive: true });
    const dir = fs.mkdtempSync(path.join(cache, 'doc-examples-'));
    const blocks = files.flatMap(blocksOf);
    for (const block of blocks) fs.writeFileSync(path.join(dir, block.name), prelude(block.code));
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2023,
      types: ['node'],
      noImplicitAny: false,
      baseUrl: root,
      paths: { jobdeck: ['dist/index.d.ts'], 'jobdeck/client': ['dist/client/index.d.ts'] },
    };
    const names = blocks.map((b) => path.join(dir, b.name));
    const first = ts.createProgram(names, options);
    const missing = new Map<string, Set<string>>();
    for (const d of ts.getPreEmitDiagnostics(first)) {
      if (!d.file || !UNDEFINED_NAME.has(d.code)) continue;
      const name = d.file.text.slice(d.start!, d.start! + d.length!);
      missing.set(d.file.fileName, (missing.get(d.file.fileName) ?? new Set()).add(name));
    }
    for (const block of blocks) {
      const file = path.join(dir, block.name);
      fs.writeFileSync(file, prelude(block.code, missing.get(file)));
    }
    const program = ts.createProgram(names, options, undefined, first);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName.startsWith(dir))
      .map((d) => `${path.basename(d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(blocks.length).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  }, 120_000);
});
