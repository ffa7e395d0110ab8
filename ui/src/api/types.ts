/**
 * The API's wire types, reused from the server (type-only imports: nothing of the server is
 * bundled). Resources add links and, for jobs, the last run.
 */
import type { JobWire, LogLineWire, RunWire, SkippedSlotWire } from '../../../src/service/wire.ts';
import type { Role, Permission } from '../../../src/domain/access.ts';
import type { Schedule } from '../../../src/domain/schedule.ts';
import type { JsonObject, JsonValue } from '../../../src/domain/model.ts';
import type { ErrorBody } from '../../../src/http/errors.ts';
import type { FieldError } from '../../../src/domain/errors.ts';

export type { LogLineWire, SkippedSlotWire, Permission, Schedule };
export type { JsonObject, JsonValue, ErrorBody, FieldError };

export type RunResource = RunWire & {
  /** Sent to admins only: a failed run's stack trace (the message has the error's name and text). */
  error_stack?: string | null;
  links: { self: string; logs: string; stop: string; job: string };
};

export type JobResource = JobWire & {
  run_args: { args: JsonObject; custom_args: JsonObject | null };
  last_run: (RunWire & { links: { self: string } }) | null;
  links: { self: string; runs: string };
};

/** A page of a list, as every list route answers. */
export interface Page<T> {
  hits: { hits: T[]; total: number };
  links?: { self: string; prev?: string; next?: string };
}

export interface TaskResource {
  id: string;
  title: string;
  description: string;
  args_schema: JsonObject;
}

export interface SessionIdentity {
  name: string;
  role: Role;
  /** GET /api/session says who signed the user in: the host app (its sign-out) or Jobdeck. */
  signed_in_by?: 'host' | 'jobdeck';
}

export interface SchedulePreview {
  schedule: Schedule;
  description: string;
  timezone: string;
  times: string[];
}
