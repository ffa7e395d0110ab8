import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../../../src/domain/errors.js';
import type { Run } from '../../../src/domain/model.js';
import { defineTask } from '../../../src/domain/task.js';
import { openTestDeck, testTasks } from '../../support/deck.js';

const sendWelcome = defineTask({
  id: 'test.send-welcome',
  title: 'Send welcome',
  description: 'Typed arguments',
  args: z.object({ userId: z.string(), locale: z.enum(['en', 'de']).default('en') }),
  run: (_ctx, args) => ({ to: args.userId, locale: args.locale }),
});

describe('deck.enqueue typed by the task', () => {
  it('takes the schema’s input type, and checks it again at run time', async () => {
    const deck = await openTestDeck({ tasks: [...testTasks, sendWelcome] });
    expectTypeOf(deck.enqueue<typeof sendWelcome.args>)
      .parameter(1)
      .toEqualTypeOf<{ userId: string; locale?: 'en' | 'de' | undefined }>();

    const run = await deck.enqueue(sendWelcome, { userId: 'u1' });
    expectTypeOf(run).toEqualTypeOf<Run>();
    expect(run).toMatchObject({ task: 'test.send-welcome', args: { userId: 'u1', locale: 'en' } });

    // @ts-expect-error userId is required
    await expect(deck.enqueue(sendWelcome, { locale: 'de' })).rejects.toBeInstanceOf(ValidationError);
    // @ts-expect-error locale is 'en' or 'de'
    await expect(deck.enqueue(sendWelcome, { userId: 'u1', locale: 'fr' })).rejects.toBeInstanceOf(ValidationError);
    // @ts-expect-error unknown option
    await expect(deck.enqueue(sendWelcome, { userId: 'u1' }, { priority: 1 })).resolves.toBeDefined();
    // By id the arguments are any JSON object, checked at run time only.
    await expect(deck.enqueue('test.send-welcome', { userId: 7 })).rejects.toBeInstanceOf(ValidationError);
    // All runs of a task without a named job belong to the task's own job.
    expect((await deck.jobs.list()).items.map((job) => job.key)).toEqual(['task:test.send-welcome']);
  });
});
