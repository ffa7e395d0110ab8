import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../../src/domain/errors.js';
import { parseJsonObject, resolveRunArgs } from '../../src/domain/run-args.js';
import { capRunResult } from '../../src/domain/run-result.js';
import { defineTask } from '../../src/domain/task.js';
import { TaskRegistry, argsJsonSchema } from '../../src/domain/task-registry.js';

const task = defineTask({
  id: 'test.import',
  title: 'Import',
  description: 'Imports',
  args: z.object({ url: z.string().url(), limit: z.number().int().min(1).default(10), dry: z.boolean().optional() }),
  run: () => null,
});

function errorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseJsonObject', () => {
  it('accepts an object given as text or as a value', () => {
    expect(parseJsonObject('{"a":1}', 'custom_args')).toEqual({ a: 1 });
    expect(parseJsonObject({ b: [1] }, 'custom_args')).toEqual({ b: [1] });
  });

  it('says where broken JSON breaks', () => {
    const error = errorOf(() => parseJsonObject('{\n  "a": 1,\n  "b": }', 'custom_args'));
    expect(error.errors[0]!.field).toBe('custom_args');
    expect(error.errors[0]!.messages[0]).toMatch(/line 3, column 8 .*value expected/);
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[1,2]', '"text"', '42', 'null']) {
      expect(errorOf(() => parseJsonObject(text, 'args')).errors[0]!.messages[0]).toMatch(/must be a JSON object/i);
    }
  });
});

describe('resolveRunArgs', () => {
  const base = { task, jobArgs: { url: 'https://example.org/a', limit: 5 }, jobCustomArgs: null };

  it("lays run arguments over the job's and applies schema defaults", () => {
    expect(resolveRunArgs({ ...base, args: { limit: 7 } })).toEqual({
      args: { url: 'https://example.org/a', limit: 7 },
      customArgs: null,
    });
    expect(resolveRunArgs({ ...base, jobArgs: { url: 'https://x.org' } }).args).toEqual({
      url: 'https://x.org',
      limit: 10,
    });
  });

  it('lets custom args replace everything verbatim', () => {
    const custom = { url: 'https://custom.org' };
    expect(resolveRunArgs({ ...base, args: { limit: 3 }, customArgs: custom })).toEqual({
      args: custom,
      customArgs: custom,
    });
    expect(resolveRunArgs({ ...base, jobCustomArgs: custom })).toEqual({ args: custom, customArgs: custom });
    // null: this run ignores the job's saved custom args.
    expect(resolveRunArgs({ ...base, jobCustomArgs: custom, customArgs: null }).args).toEqual(base.jobArgs);
  });

  it('names each field that does not fit the schema', () => {
    const error = errorOf(() => resolveRunArgs({ ...base, args: { url: 'nope', limit: 0, dry: 'yes' } as never }));
    expect(error.errors.map((e) => e.field).sort()).toEqual(['args.dry', 'args.limit', 'args.url']);
    const custom = errorOf(() => resolveRunArgs({ ...base, customArgs: { limit: 2 } }));
    expect(custom.errors.map((e) => e.field)).toEqual(['custom_args.url']);
  });
});

describe('tasks', () => {
  it('refuses duplicate ids and lists the known ones for an unknown id', () => {
    const registry = new TaskRegistry([task]);
    expect(() => registry.register(task)).toThrow(/already registered/);
    expect(() => registry.get('nope')).toThrow(/Unknown task "nope". Known tasks: test.import/);
  });

  it('refuses a malformed id', () => {
    expect(() => defineTask({ ...task, id: 'has space' } as never)).toThrow(/not valid/);
  });

  it('describes arguments as JSON Schema', () => {
    const schema = argsJsonSchema(task);
    expect(schema).toMatchObject({
      type: 'object',
      properties: { url: { type: 'string', format: 'uri' }, limit: { type: 'integer', default: 10, minimum: 1 } },
      required: ['url'],
    });
  });
});

describe('capRunResult', () => {
  it('keeps small JSON results and marks large ones as truncated', () => {
    expect(capRunResult({ ok: 1 })).toEqual({ ok: 1 });
    expect(capRunResult(undefined)).toBeNull();
    const big = capRunResult({ text: 'x'.repeat(10_000) }, 1000) as Record<string, unknown>;
    expect(big).toMatchObject({ truncated: true, original_bytes: JSON.stringify({ text: 'x'.repeat(10_000) }).length });
    expect(String(big.reason)).toMatch(/over the 1000-byte limit/);
    expect(JSON.stringify(big).length).toBeLessThan(1000);
  });

  it('reports a result that is not JSON instead of failing the run', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(capRunResult(cyclic)).toMatchObject({ truncated: true });
  });
});
