import { describe, expect, it } from 'vitest';
import { LogDivergence, diffArgs } from '../../src/domain/run-compare.js';
import { classifySlots, countOutcomes, type SlotRun } from '../../src/domain/schedule-fidelity.js';
import { parseSchedule } from '../../src/domain/schedule-parse.js';
import { slotsBetween } from '../../src/domain/schedule-slots.js';

const at = (iso: string) => new Date(iso);
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('slotsBetween', () => {
  it('puts a 03:00 Europe/Paris crontab at the right instant on both sides of the DST change', () => {
    const schedule = parseSchedule({ type: 'crontab', expression: '0 3 * * *', timezone: 'Europe/Paris' });
    // Summer time starts on 29 March 2026: 03:00 in Paris is 02:00Z before, 01:00Z after.
    const found = slotsBetween(schedule, null, at('2026-03-27T00:00:00Z'), at('2026-03-31T00:00:00Z'), 10);
    expect(iso(found.slots)).toEqual([
      '2026-03-27T02:00:00.000Z',
      '2026-03-28T02:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-30T01:00:00.000Z',
    ]);
    expect(found.more).toBe(false);
    // A window starting exactly at a slot includes it; the limit says there were more.
    const limited = slotsBetween(schedule, null, at('2026-03-28T02:00:00Z'), at('2026-04-30T00:00:00Z'), 2);
    expect(iso(limited.slots)).toEqual(['2026-03-28T02:00:00.000Z', '2026-03-29T01:00:00.000Z']);
    expect(limited.more).toBe(true);
  });

  it('gives the same crontab slots across UTC days whether computed or remembered', () => {
    // Kolkata is UTC+5:30: minute 30 there is minute 0 in UTC.
    const hourly = parseSchedule({ type: 'crontab', expression: '30 * * * *', timezone: 'Asia/Kolkata' });
    const window = () => slotsBetween(hourly, null, at('2026-06-01T21:10:00Z'), at('2026-06-02T02:00:00Z'), 100);
    const expected = ['2026-06-01T22', '2026-06-01T23', '2026-06-02T00', '2026-06-02T01'].map((h) => `${h}:00:00.000Z`);
    expect(iso(window().slots)).toEqual(expected);
    expect(iso(window().slots)).toEqual(expected);
    const cut = slotsBetween(hourly, null, at('2026-06-01T21:10:00Z'), at('2026-06-02T02:00:00Z'), 3);
    expect(iso(cut.slots)).toEqual(expected.slice(0, 3));
    expect(cut.more).toBe(true);
  });

  it('counts an interval from a known slot, backwards and forwards, and has none without one', () => {
    const every15 = parseSchedule({ type: 'interval', minutes: 15 });
    const anchor = at('2026-05-01T10:05:00Z');
    const found = slotsBetween(every15, anchor, at('2026-05-01T09:30:00Z'), at('2026-05-01T10:30:00Z'), 10);
    expect(iso(found.slots)).toEqual([
      '2026-05-01T09:35:00.000Z',
      '2026-05-01T09:50:00.000Z',
      '2026-05-01T10:05:00.000Z',
      '2026-05-01T10:20:00.000Z',
    ]);
    expect(slotsBetween(every15, null, at('2026-05-01T09:30:00Z'), at('2026-05-01T10:30:00Z'), 10).slots).toEqual([]);
  });
});

describe('classifySlots', () => {
  const now = at('2026-05-02T00:00:00Z');
  const run = (slot: string, over: Partial<SlotRun>): SlotRun => ({
    id: 1,
    status: 'SUCCESS',
    scheduledFor: at(slot),
    created: at(slot),
    startedAt: at(slot),
    finishedAt: null,
    ...over,
  });

  it('tells on time, late, waiting, skipped and missed slots apart', () => {
    const slots = ['01:00', '02:00', '03:00', '04:00', '05:00'].map((h) => at(`2026-05-01T${h}:00Z`));
    const result = classifySlots({
      slots,
      runs: [
        run('2026-05-01T01:00:00Z', { startedAt: at('2026-05-01T01:00:20Z') }),
        run('2026-05-01T02:00:00Z', { id: 2, startedAt: at('2026-05-01T02:07:00Z') }),
        run('2026-05-01T05:00:00Z', { id: 5, status: 'QUEUED', startedAt: null }),
        // Fired for a slot the schedule no longer has (it was changed): still listed.
        run('2026-05-01T04:30:00Z', { id: 6, status: 'FAILED' }),
      ],
      skips: [{ scheduledFor: at('2026-05-01T03:00:00Z'), reason: 'overlap: still running' }],
      now,
    });
    expect(result.map((s) => [s.slot.toISOString().slice(11, 16), s.outcome, s.latenessMs])).toEqual([
      ['01:00', 'on_time', 20_000],
      ['02:00', 'late', 420_000],
      ['03:00', 'skipped', null],
      ['04:00', 'missed', null],
      ['04:30', 'on_time', 0],
      ['05:00', 'waiting', 19 * 3_600_000],
    ]);
    expect(result[2]!.reason).toBe('overlap: still running');
    expect(countOutcomes(result)).toEqual({ on_time: 2, late: 1, waiting: 1, skipped: 1, missed: 1 });
  });

  it('does not call a slot missed before the tolerance has passed', () => {
    const result = classifySlots({ slots: [at('2026-05-01T23:59:30Z')], runs: [], skips: [], now });
    expect(result).toEqual([]);
  });
});

describe('comparing runs', () => {
  it('diffs arguments key by key', () => {
    expect(diffArgs({ a: 1, same: [1], gone: 'x' }, { a: 2, same: [1], added: true })).toEqual([
      { key: 'a', a: 1, b: 2, same: false },
      { key: 'added', a: undefined, b: true, same: false },
      { key: 'gone', a: 'x', b: undefined, same: false },
      { key: 'same', a: [1], b: [1], same: true },
    ]);
  });

  const lines = (...messages: string[]) => messages.map((message, i) => ({ seq: i + 1, message }));

  it('finds the first differing line across pages of different sizes', () => {
    const walk = new LogDivergence<{ seq: number; message: string }>();
    expect(walk.push('a', lines('x', 'y', 'z', 'w'))).toBe(false);
    expect(walk.push('b', lines('x', 'y'))).toBe(false);
    expect(walk.compared).toBe(2);
    expect(walk.push('b', lines('z', 'DIFFERENT'))).toBe(true);
    expect(walk.found).toEqual({ at: 3, a: { seq: 4, message: 'w' }, b: { seq: 2, message: 'DIFFERENT' } });
  });

  it('parts where the shorter log ends, and finds nothing for equal logs', () => {
    const shorter = new LogDivergence<{ seq: number; message: string }>();
    shorter.push('a', lines('x'));
    shorter.push('b', lines('x', 'more'));
    expect(shorter.end(true, false)).toBe(true);
    expect(shorter.found).toEqual({ at: 1, a: null, b: { seq: 2, message: 'more' } });

    const equal = new LogDivergence<{ seq: number; message: string }>();
    equal.push('a', lines('x', 'y'));
    equal.push('b', lines('x', 'y'));
    expect(equal.end(true, true)).toBe(false);
    expect(equal.compared).toBe(2);
  });
});
