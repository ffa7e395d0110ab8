import pino, { type DestinationStream, type Logger } from 'pino';
import { ConfigurationError } from '../domain/errors.js';

const REDACTED = '[redacted]';

/** Keys whose values are secrets wherever they appear in a log object (any depth, any case). */
const SECRET_KEY =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-jobdeck-csrf|password|pass|passwd|secret|token|api[-_]?key|.*[-_](token|secret|password|key)|(smtp|webhook|admin|metrics)[-_]?(url|secret|token|password)|signing[-_]?key)$/i;

/** `scheme://user:password@host` — the password part of URLs (database, SMTP) in any text. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi;
/** `Bearer <token>` in any text (an echoed header, an error message). */
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

/** Hides credentials that a message or an error text may carry. */
function redactText(text: string): string {
  return text.replace(URL_PASSWORD, `$1${REDACTED}@`).replace(BEARER, `$1${REDACTED}`);
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Error) {
    // Serialised here, as pino would, so that the message and stack are scrubbed too.
    const { name, message, stack } = value;
    const cause = (value as { cause?: unknown }).cause;
    const own: Record<string, unknown> = { ...value };
    return redactValue({ ...own, type: name, message, stack, ...(cause !== undefined && { cause }) }, depth + 1);
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && item !== undefined && item !== null ? REDACTED : redactValue(item, depth + 1);
  }
  return out;
}

/** A log object with every secret-named field and every credential in text replaced. */
function redactObject(object: Record<string, unknown>): Record<string, unknown> {
  return redactValue(object, 0) as Record<string, unknown>;
}

export interface ServerLoggerOptions {
  /** pino level: `debug`, `info` (default), `warn`, `error`, `silent`. */
  level?: string;
  /** Where JSON lines go (default: stderr). */
  destination?: DestinationStream;
}

/**
 * The services' structured logger (pino, JSON lines). Whatever code logs, tokens, passwords,
 * webhook secrets, Authorization and Cookie headers and URL passwords never reach the output:
 * objects are walked and secret-named fields replaced, and text (messages, error messages and
 * stacks) is scrubbed of `Bearer …` and `scheme://user:password@`.
 */
export function createServerLogger(options: ServerLoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  if (level !== 'silent' && !(level in pino.levels.values)) {
    throw new ConfigurationError(
      `Unknown log level "${level}" (JOBDECK_LOG_LEVEL): use trace, debug, info, warn, error, fatal or silent.`,
    );
  }
  return pino(
    {
      level,
      base: null,
      formatters: { log: redactObject },
      // Errors arrive here already scrubbed into plain objects: keep them as they are.
      serializers: { err: (value: unknown) => (value instanceof Error ? redactValue(value, 0) : value) },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          // logger.error(err) would take err.message as the message, unscrubbed.
          const scrubbed =
            first instanceof Error ? [{ err: first }, ...(rest.length ? rest : [first.message])] : [first, ...rest];
          method.apply(
            this,
            scrubbed.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
    },
    options.destination ?? pino.destination(2),
  );
}
