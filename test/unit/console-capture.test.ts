import { describe, expect, it, vi } from 'vitest';
import type { LogLevel } from '../../src/domain/model.js';
import { outsideConsoleCapture, withConsoleCapture } from '../../src/engine/console-capture.js';

function target() {
  const lines: string[] = [];
  let open = true;
  return {
    lines,
    close: () => (open = false),
    write: (_level: LogLevel, message: string) => open && lines.push(message) > 0,
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('console capture', () => {
  it('captures a task that returns at once, on its first run and on later ones (no async context)', () => {
    const task = {};
    const print = (text: string) => console.log(text);
    const first = target();
    const second = target();
    withConsoleCapture(first, task, print, 'one');
    withConsoleCapture(second, task, print, 'two');
    expect(first.lines).toEqual(['one']);
    expect(second.lines).toEqual(['two']);
  });

  it('keeps async runs apart, also after a task learnt as returning at once ran meanwhile', async () => {
    const asyncTask = {};
    const syncTask = {};
    const slow = async (tag: string) => {
      await tick();
      console.log(`${tag} after await`);
      await tick();
      console.info(`${tag} end`);
    };
    withConsoleCapture(target(), syncTask, () => undefined);
    const a = target();
    const b = target();
    const s = target();
    const runs = [withConsoleCapture(a, asyncTask, slow, 'a'), withConsoleCapture(b, asyncTask, slow, 'b')];
    withConsoleCapture(s, syncTask, () => console.log('sync'));
    await Promise.all(runs);
    expect(a.lines).toEqual(['a after await', 'a end']);
    expect(b.lines).toEqual(['b after await', 'b end']);
    expect(s.lines).toEqual(['sync']);
    // Once no async run executes, the context is off; a later async run gets it back.
    const c = target();
    await withConsoleCapture(c, asyncTask, slow, 'c');
    expect(c.lines).toEqual(['c after await', 'c end']);
  });

  it('captures a task learnt as returning at once fully again once it returned a promise', async () => {
    const task = {};
    const maybeAsync = async (wait: boolean) => {
      console.log('before');
      if (wait) await tick();
      console.log('after');
    };
    const learn = (wait: boolean) => (wait ? maybeAsync(true) : void console.log('sync'));
    void withConsoleCapture(target(), task, learn, false);
    const once = target();
    await withConsoleCapture(once, task, learn, true);
    expect(once.lines[0]).toBe('before');
    const again = target();
    await withConsoleCapture(again, task, learn, true);
    expect(again.lines).toEqual(['before', 'after']);
  });

  it('sends output outside any run, and after a log closed, to the real console', () => {
    const real = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const t = target();
      withConsoleCapture(t, {}, () => outsideConsoleCapture(() => console.log('outside')));
      t.close();
      console.log('after');
      expect(t.lines).toEqual([]);
    } finally {
      real.mockRestore();
    }
  });
});
