/**
 * The run state machine. This module is the single owner of which status changes are allowed;
 * storage derives its guards from it, so a transition refused here is refused in the database too.
 */
export const RUN_STATUSES = [
  'QUEUED',
  'RUNNING',
  'CANCELLING',
  'WAITING',
  'SUCCESS',
  'PARTIAL_SUCCESS',
  'WARNING',
  'FAILED',
  'CANCELLED',
] as const;

export type RunStatus = (typeof RUN_STATUSES)[number];

const FINAL = ['SUCCESS', 'PARTIAL_SUCCESS', 'WARNING', 'FAILED', 'CANCELLED'] as const satisfies RunStatus[];
/** A status a run ends with (the ones notifications can be asked for). */
export type FinalStatus = (typeof FINAL)[number];
export const FINAL_STATUSES: readonly RunStatus[] = FINAL;

/** Statuses in which a run may still change (and write log lines). */
export const ACTIVE_STATUSES: readonly RunStatus[] = ['QUEUED', 'RUNNING', 'CANCELLING', 'WAITING'];

/** Statuses from which a stop is accepted (CANCELLING is already stopping; a WAITING parent stops with its sub-runs). */
export const STOPPABLE_STATUSES: readonly RunStatus[] = ['QUEUED', 'RUNNING', 'WAITING'];

/** A worker holds the run: it is executing it (or being asked to stop it). */
export const HELD_STATUSES: readonly RunStatus[] = ['RUNNING', 'CANCELLING'];

const TRANSITIONS: Readonly<Record<RunStatus, readonly RunStatus[]>> = {
  // QUEUED → CANCELLED is a stop before start; QUEUED → FAILED covers a run that cannot start
  // (e.g. its task is no longer registered).
  QUEUED: ['RUNNING', 'CANCELLED', 'FAILED'],
  // RUNNING → QUEUED is a requeue (retry or rescue of a lost worker's run).
  RUNNING: ['SUCCESS', 'PARTIAL_SUCCESS', 'WARNING', 'FAILED', 'CANCELLING', 'CANCELLED', 'QUEUED', 'WAITING'],
  // A stop was asked for; the task may still end on its own, but the outcome is a stop unless the
  // worker is lost or the run times out.
  CANCELLING: ['CANCELLED', 'FAILED'],
  // The task's code returned (or threw) while sub-runs it created are still going: the database
  // ends the run when the last one ends (SUCCESS, PARTIAL_SUCCESS if any failed, FAILED if its
  // own code threw; migration 0012). A stop ends it at once and stops the sub-runs.
  WAITING: ['SUCCESS', 'PARTIAL_SUCCESS', 'WARNING', 'FAILED', 'CANCELLED'],
  SUCCESS: [],
  PARTIAL_SUCCESS: [],
  WARNING: [],
  FAILED: [],
  CANCELLED: [],
};

export function isRunStatus(value: unknown): value is RunStatus {
  return typeof value === 'string' && (RUN_STATUSES as readonly string[]).includes(value);
}

export function isFinalStatus(status: RunStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export function canTransition(from: RunStatus, to: RunStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses from which `to` may be reached: the guard storage puts in its WHERE clause. */
export function statusesLeadingTo(to: RunStatus): RunStatus[] {
  return RUN_STATUSES.filter((from) => canTransition(from, to));
}
