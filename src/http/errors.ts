import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { JobdeckError, type ErrorCode, type FieldError } from '../domain/errors.js';
import { issuesToFieldErrors } from '../domain/run-args.js';
import { isDatabaseUnavailable } from '../storage/unavailable.js';

/** The one error body of the API: never a stack trace. */
interface ErrorBody {
  status: number;
  message: string;
  errors?: FieldError[];
}

const STATUS_BY_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  FORBIDDEN: 403,
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 400,
  UNAVAILABLE: 503,
  CONFIGURATION: 500,
};

/** An error response; typed `never` so routes whose schemas list error statuses accept it. */
export function errorResponse(c: Context, status: ContentfulStatusCode, message: string, errors?: FieldError[]): never {
  const body: ErrorBody = { status, message, ...(errors?.length && { errors }) };
  return c.json(body, status) as never;
}

/** Request validation failures, named by field (`unknown field "x"` for keys we do not know). */
export function validationErrorResponse(c: Context, error: ZodError, target: string) {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        errors.push({ field: [...issue.path, key].join('.'), messages: ['Unknown field.'] });
    } else {
      // Body and query fields are named bare (`level`, `since`), as the services name them.
      errors.push(...issuesToFieldErrors([issue], target === 'json' || target === 'query' ? '' : target));
    }
  }
  return errorResponse(c, 400, 'The request is not valid.', errors);
}

/** Maps anything thrown by a handler to the error body; unexpected errors say nothing inside. */
export function handleError(error: Error, c: Context, log: (error: unknown) => void) {
  if (error instanceof JobdeckError) {
    return errorResponse(c, STATUS_BY_CODE[error.code], error.message, error.errors);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    return errorResponse(c, status, error.message || defaultMessage(status));
  }
  if (isDatabaseUnavailable(error)) {
    // A restart or outage of the database: the request may well succeed again shortly.
    c.header('Retry-After', '5');
    return errorResponse(c, 503, 'The database is not reachable right now; try again shortly.');
  }
  log(error);
  return errorResponse(c, 500, 'Internal error; it has been logged.');
}

function defaultMessage(status: number): string {
  return status === 413 ? 'The request body is too large (limit 1 MiB).' : 'Request failed.';
}
