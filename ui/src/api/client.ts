import { apiRoot } from '../app/mount.ts';
import type { ErrorBody, FieldError } from './types.ts';

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

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  /** Sign-in itself answers 401 for a bad token: that must not bounce to the sign-in page. */
  ignoreUnauthorized?: boolean;
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${apiRoot}${path}${search ? `?${search}` : ''}`;
}

/**
 * Calls the API with the session cookie. Every write carries the CSRF header the API requires
 * of cookie-authenticated requests (a cross-site form cannot set it).
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-jobdeck-csrf'] = '1';
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      ...(options.signal && { signal: options.signal }),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const body = parseJson(text);
  if (!response.ok) {
    const error = body as Partial<ErrorBody> | undefined;
    if (response.status === 401 && !options.ignoreUnauthorized) onUnauthorized?.();
    throw new ApiError(
      response.status,
      error?.message ?? `The request failed (HTTP ${response.status}).`,
      error?.errors ?? [],
    );
  }
  return body as T;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined; // a proxy's HTML error page, say: the status still tells what happened
  }
}

/** A readable message of anything thrown, for toasts and error states. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
