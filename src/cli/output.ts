import { JobdeckError } from '../domain/errors.js';

/** Exit codes: 1 = the command could not do what was asked, 2 = a waited-for run did not succeed. */
export const EXIT_ERROR = 1;
export const EXIT_RUN_NOT_SUCCESSFUL = 2;

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A plain aligned table; cells are made single-line so output stays one row per item. */
export function printTable(headers: string[], rows: (string | number | boolean | null | undefined)[][]): void {
  const cells = rows.map((row) => row.map((cell) => oneLine(cell == null ? '-' : String(cell))));
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(headers)}\n${cells.map(line).join('\n')}${cells.length ? '\n' : ''}`);
}

/** `key: value` lines for one object. */
export function printFields(fields: [string, unknown][]): void {
  const width = Math.max(...fields.map(([key]) => key.length));
  for (const [key, value] of fields) {
    const text = value == null ? '-' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    process.stdout.write(`${`${key}:`.padEnd(width + 2)}${text}\n`);
  }
}

export function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Reports an error without a stack trace (unless JOBDECK_DEBUG is set) and sets the exit code. */
export function reportError(error: unknown, json: boolean): void {
  process.exitCode = EXIT_ERROR;
  if (error instanceof JobdeckError) {
    if (json) {
      process.stderr.write(`${JSON.stringify({ code: error.code, message: error.message, errors: error.errors })}\n`);
      return;
    }
    process.stderr.write(`error: ${error.message}\n`);
    for (const field of error.errors) {
      for (const message of field.messages) process.stderr.write(`  ${field.field}: ${message}\n`);
    }
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\n`);
  if (process.env.JOBDECK_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
}
