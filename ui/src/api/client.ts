import createClient from 'openapi-fetch';
import { apiRoot } from '../app/mount.ts';
import type { paths } from '../../../src/client/openapi.ts';
import type { ErrorBody, FieldError } from './types.ts';

/**
 * The admin UI's API client: generated from the API's OpenAPI document (src/client/openapi.ts,
 * the types `jobdeck/client` exports), so a route whose schema changes breaks the UI's type check
 * until the UI follows. Calls go through `call(api.GET('/jobs/{id}', …))`, which answers the data
 * or throws an ApiError.
 */

/**
 * Where the API is, the one place the UI says so (links and streams use it through apiUrl):
 * `/api`, or under the host's prefix (`/jobs-admin/api`) as the server tells it (app/mount.ts).
 */
export const API_BASE = apiRoot;

/** An API failure, with the API's message and per-field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The messages of one field (e.g. "title", "args.since"), for showing under that field. */
  fieldMessages(field: string): string[] {
    return this.errors.filter((e) => e.field === field).flatMap((e) => e.messages);
  }
}

/** Called on any 401: the session has expired or was never there. Set by the app shell. */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type QueryValue = string | number | boolean | undefined | null;

/** Query parameters as the API reads them: empty, null and undefined values are left out. */
function queryString(query: Record<string, unknown> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value as QueryValue));
  }
  return params.toString();
}

/** The URL of an API path, for what is not a fetch: links, downloads and event streams. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const search = queryString(query);
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

/**
 * The typed client. Requests carry the session cookie, and every write the CSRF header the API
 * requires of cookie-authenticated requests (a cross-site form cannot set it).
 */
export const api = createClient<paths>({
  baseUrl: API_BASE,
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
  querySerializer: queryString,
});
api.use({
  onRequest({ request }) {
    if (request.method !== 'GET') request.headers.set('x-jobdeck-csrf', '1');
    return request;
  },
});

export interface CallOptions {
  /** Sign-in itself answers 401 for a bad token: that must not bounce to the sign-in page. */
  ignoreUnauthorized?: boolean;
}

/** The answer of a client call: its data, or an ApiError with the API's message and field errors. */
export async function call<R extends { data?: unknown; error?: unknown; response: Response }>(
  request: Promise<R>,
  options: CallOptions = {},
): Promise<NonNullable<R['data']>> {
  let result: R;
  try {
    result = await request;
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  const { response } = result;
  if (!response.ok) {
    // A proxy's HTML error page, say, is no error body: the status still tells what happened.
    const body = typeof result.error === 'object' ? (result.error as Partial<ErrorBody> | null) : null;
    if (response.status === 401 && !options.ignoreUnauthorized) onUnauthorized?.();
    throw new ApiError(
      response.status,
      body?.message ?? `The request failed (HTTP ${response.status}).`,
      body?.errors ?? [],
    );
  }
  return result.data as NonNullable<R['data']>;
}

/** A readable message of anything thrown, for toasts and error states. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
