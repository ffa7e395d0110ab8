import { isFinalStatus, type RunStatus } from './run-status.js';

/**
 * Schedule fidelity: what became of each slot of a schedule. A slot ran on time, ran late (its run
 * started more than the tolerance after the slot), was skipped by policy (a skipped-slot record
 * says why), is still waiting (its run is queued), or was missed: no run and no record of a skip.
 */
export const SLOT_OUTCOMES = ['on_time', 'late', 'waiting', 'skipped', 'missed'] as const;
export type SlotOutcome = (typeof SLOT_OUTCOMES)[number];

/** A run started within this long after its slot counts as on time. */
export const ON_TIME_TOLERANCE_MS = 60_000;

export interface SlotRun {
  id: number;
  status: RunStatus;
  scheduledFor: Date;
  created: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface FidelitySlot {
  slot: Date;
  outcome: SlotOutcome;
  /** How long after the slot its run started (or, not started yet, how long it has waited). */
  latenessMs: number | null;
  run: SlotRun | null;
  /** Why the slot was skipped. */
  reason: string | null;
}

export interface FidelityInput {
  /** Slots the schedule (as it is now) had in the window. */
  slots: Date[];
  /** Runs fired for slots of the window; their slots count even if the schedule changed since. */
  runs: SlotRun[];
  skips: { scheduledFor: Date; reason: string }[];
  now: Date;
  toleranceMs?: number;
}

/** Every slot of the window, oldest first, with what became of it. */
export function classifySlots(input: FidelityInput): FidelitySlot[] {
  const tolerance = input.toleranceMs ?? ON_TIME_TOLERANCE_MS;
  const now = input.now.getTime();
  const runs = new Map(input.runs.map((run) => [run.scheduledFor.getTime(), run]));
  const skips = new Map(input.skips.map((skip) => [skip.scheduledFor.getTime(), skip.reason]));
  // A slot of the schedule that is not yet past the tolerance may simply not have fired yet.
  const due = input.slots.map((s) => s.getTime()).filter((t) => t <= now - tolerance);
  const times = [...new Set([...due, ...runs.keys(), ...skips.keys()])].sort((a, b) => a - b);
  return times.map((time): FidelitySlot => {
    const slot = new Date(time);
    const run = runs.get(time);
    if (run) {
      const began = run.startedAt ?? run.finishedAt;
      if (!began && !isFinalStatus(run.status)) {
        return { slot, outcome: 'waiting', latenessMs: Math.max(0, now - time), run, reason: null };
      }
      const lateness = Math.max(0, (began ?? run.created).getTime() - time);
      return { slot, outcome: lateness > tolerance ? 'late' : 'on_time', latenessMs: lateness, run, reason: null };
    }
    const reason = skips.get(time);
    if (reason !== undefined) return { slot, outcome: 'skipped', latenessMs: null, run: null, reason };
    return { slot, outcome: 'missed', latenessMs: null, run: null, reason: null };
  });
}

/** How many slots had each outcome. */
export function countOutcomes(slots: FidelitySlot[]): Record<SlotOutcome, number> {
  const counts = Object.fromEntries(SLOT_OUTCOMES.map((o) => [o, 0])) as Record<SlotOutcome, number>;
  for (const slot of slots) counts[slot.outcome] += 1;
  return counts;
}
