import type { JsonObject } from '../../../api/types.ts';

/** The keywords the API adds to a task's argument schema (see docs/outbound-and-secrets.md). */
const OPERATOR_EDITABLE = 'x-jobdeck-operator-editable';
const SECRET = 'x-jobdeck-secret';

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Argument fields an operator may change when running (may include "since"). */
export function operatorEditable(schema: JsonObject | undefined): string[] {
  return list(schema?.[OPERATOR_EDITABLE]);
}

/** Argument fields whose values are write-only: reads show "set". */
export function secretFields(schema: JsonObject | undefined): string[] {
  return list(schema?.[SECRET]);
}

/** The schema's top-level argument fields. */
export function argFields(schema: JsonObject | undefined): string[] {
  const properties = schema?.properties;
  return properties && typeof properties === 'object' && !Array.isArray(properties) ? Object.keys(properties) : [];
}

export const READ_ONLY_WHY = 'Read-only: changing it needs the admin role (the task does not let operators set it).';
export const SECRET_HELP =
  'Secret: shown as “set”. Leave “set” to keep the saved value; it is dropped if the URL changes.';
