import { intervalMs, type Schedule } from './schedule.js';
import { nextFireAfter } from './schedule-times.js';

/** The slots of a schedule in a time window, for the calendar and schedule fidelity. */

export interface SlotsInWindow {
  slots: Date[];
  /** The window holds more slots than the limit. */
  more: boolean;
}

/**
 * The slots of `schedule` in [from, to), at most `limit`. A crontab's slots follow from the
 * pattern in its own time zone; an interval's only from a known slot (`anchor`: the job's
 * next_run_at, else its start_at): with neither, an interval has no slots to show.
 */
export function slotsBetween(
  schedule: Schedule,
  anchor: Date | null,
  from: Date,
  to: Date,
  limit: number,
): SlotsInWindow {
  const first = firstSlotFrom(schedule, anchor, from);
  const slots: Date[] = [];
  if (!first) return { slots, more: false };
  let slot = first;
  while (slot.getTime() < to.getTime()) {
    if (slots.length >= limit) return { slots, more: true };
    slots.push(slot);
    slot = nextFireAfter(schedule, slot);
  }
  return { slots, more: false };
}

/** The first slot at or after `from`. */
function firstSlotFrom(schedule: Schedule, anchor: Date | null, from: Date): Date | null {
  // Croner answers the first time strictly after the one given.
  if (schedule.type === 'crontab') return nextFireAfter(schedule, new Date(from.getTime() - 1));
  const base = anchor?.getTime() ?? (schedule.start_at ? Date.parse(schedule.start_at) : NaN);
  if (Number.isNaN(base)) return null;
  const interval = intervalMs(schedule);
  const steps = Math.ceil((from.getTime() - base) / interval);
  return new Date(base + steps * interval);
}
