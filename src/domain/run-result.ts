import type { JsonValue } from './model.js';

const DEFAULT_RESULT_LIMIT_BYTES = 64 * 1024;

/**
 * PostgreSQL text and jsonb cannot hold the NUL character, and a task may well produce one (a
 * binary HTTP body, say): it is replaced by U+FFFD everywhere a task's output is stored.
 */
export function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
}

/** The same for JSON text, where NUL appears as the escape \u0000. */
export function jsonWithoutNul(json: string): string {
  return json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1\\ufffd');
}

/**
 * A task's return value as stored on the run. Values that are not JSON are converted the way
 * JSON.stringify does; a value larger than the limit is replaced by a marker object that says so
 * and keeps the beginning of its JSON text, so nothing is cut silently.
 */
export function capRunResult(value: unknown, limitBytes = DEFAULT_RESULT_LIMIT_BYTES): JsonValue {
  // Most tasks return nothing: no JSON round trip for that.
  if (value === undefined || value === null) return null;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
    if (text !== undefined) text = jsonWithoutNul(text);
  } catch (error) {
    return { truncated: true, reason: `result is not serialisable as JSON: ${String(error)}` };
  }
  if (text === undefined) return null;
  const bytes = Buffer.byteLength(text);
  if (bytes <= limitBytes) return JSON.parse(text) as JsonValue;
  return {
    truncated: true,
    reason: `result was ${bytes} bytes, over the ${limitBytes}-byte limit`,
    original_bytes: bytes,
    preview: text.slice(0, Math.max(0, Math.floor(limitBytes / 4))),
  };
}
