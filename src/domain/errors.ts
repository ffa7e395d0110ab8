/**
 * The error taxonomy. Every error a user can cause or meet has a stable `code`; transports map
 * codes to HTTP statuses or exit codes and never show a stack trace for these.
 */
export type ErrorCode =
  'VALIDATION_FAILED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID_STATE' | 'UNAVAILABLE' | 'CONFIGURATION';

export interface FieldError {
  field: string;
  messages: string[];
}

export class JobdeckError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[];

  constructor(code: ErrorCode, message: string, errors: FieldError[] = []) {
    super(message);
    this.name = 'JobdeckError';
    this.code = code;
    this.errors = errors;
  }
}

export class ValidationError extends JobdeckError {
  constructor(message: string, errors: FieldError[] = []) {
    super('VALIDATION_FAILED', message, errors);
    this.name = 'ValidationError';
  }
}

/** The caller's role does not allow this; `errors` names the fields concerned. */
export class ForbiddenError extends JobdeckError {
  constructor(message: string, errors: FieldError[] = []) {
    super('FORBIDDEN', message, errors);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends JobdeckError {
  constructor(message: string) {
    super('NOT_FOUND', message);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends JobdeckError {
  constructor(message: string, errors: FieldError[] = []) {
    super('CONFLICT', message, errors);
    this.name = 'ConflictError';
  }
}

/** An operation that the object's current state does not allow (e.g. stopping a finished run). */
export class InvalidStateError extends JobdeckError {
  constructor(message: string) {
    super('INVALID_STATE', message);
    this.name = 'InvalidStateError';
  }
}

/** A dependency (the database) cannot be reached; retrying later may succeed. */
export class UnavailableError extends JobdeckError {
  constructor(message: string) {
    super('UNAVAILABLE', message);
    this.name = 'UnavailableError';
  }
}

export class ConfigurationError extends JobdeckError {
  constructor(message: string) {
    super('CONFIGURATION', message);
    this.name = 'ConfigurationError';
  }
}

/** Thrown by a task whose run processed some entries but failed others: the run ends PARTIAL_SUCCESS. */
export class PartialSuccessError extends Error {
  readonly erroredEntries: number;

  constructor(message: string, erroredEntries: number) {
    super(message);
    this.name = 'PartialSuccessError';
    this.erroredEntries = erroredEntries;
  }
}

export function fieldError(field: string, ...messages: string[]): FieldError {
  return { field, messages };
}
