/**
 * The API's wire types: resources from the generated OpenAPI types, domain words from the server
 * (type-only imports: nothing of the server is bundled).
 */
import type { Permission } from '../../../src/domain/access.ts';
import type { Schedule } from '../../../src/domain/schedule.ts';
import type { JsonObject, JsonValue } from '../../../src/domain/model.ts';
import type { components } from '../../../src/client/openapi.ts';
import type { FieldError } from '../../../src/domain/errors.ts';

export type { Permission, Schedule };
export type { JsonObject, JsonValue, FieldError };
export type ErrorBody = components['schemas']['Error'];

/**
 * Resources as the API's OpenAPI document describes them (generated, src/client/openapi.ts): a
 * route whose schema changes breaks the UI's type check wherever the UI relies on what changed.
 */
type Schemas = components['schemas'];

export type RunResource = Schemas['Run'];
/** A run in the list of all jobs' runs: the run with its job's title. */
export type RunSearchHit = Schemas['RunSearchList']['hits']['hits'][number];
export type JobResource = Schemas['Job'];
export type QueueResource = Schemas['Queue'];
export type SessionIdentity = Schemas['SignedIn'];
export type AuditEntryResource = Schemas['AuditEntry'];
export type LogLineWire = Schemas['LogLine'];
export type LogPage = Schemas['LogPage'];
export type SkippedSlotWire = Schemas['SkippedSlot'];
