import type { JsonObject } from '../../api/types.ts';

export type ParsedCustomArgs = { ok: true; value: JsonObject | null } | { ok: false; error: string };

/**
 * Custom args as typed: empty means none; otherwise it must be a JSON object. The message says
 * where the JSON breaks, so it can be shown under the editor before anything is sent.
 */
export function parseCustomArgs(text: string): ParsedCustomArgs {
  if (text.trim() === '') return { ok: true, value: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Invalid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'Custom args must be a JSON object, e.g. {"since": "2026-01-01T00:00:00Z"}.' };
  }
  return { ok: true, value: value as JsonObject };
}

export function formatJson(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value, null, 2);
}
