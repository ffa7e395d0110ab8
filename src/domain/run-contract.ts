import { z } from 'zod';
import { fieldError, ValidationError } from './errors.js';
import { json, jsonOrText, TITLE_MAX } from './field-schemas.js';

/**
 * The run contract: what a person or program gives when creating a run, with its limits, defined
 * once. The HTTP body schema, the run service's title check, the CLI's default title and the
 * admin's "Configure and run" dialog read it; the run service keeps the checks that need the job
 * and its task (do the arguments fit, may this role change them, is the queue known).
 */

export { TITLE_MAX } from './field-schemas.js';

/** The title of a run created without one. */
export const RUN_DEFAULT_TITLE = 'Manual run';

/** The run-creation fields by wire name (an HTTP body, `jobdeck jobs run`'s flags). */
export const runCreateShape = {
  title: z
    .string()
    .max(TITLE_MAX, { error: `At most ${TITLE_MAX} characters.` })
    .optional(),
  queue: z.string().optional(),
  args: json.optional(),
  since: z.string().nullable().optional().describe('ISO 8601; empty = start of the last successful run'),
  custom_args: jsonOrText.nullable().optional(),
};

/** The title a run gets: the given one trimmed, or the default when none (or only spaces) is given. */
export function runTitle(given: string | undefined): string {
  const title = given?.trim() || RUN_DEFAULT_TITLE;
  if (title.length > TITLE_MAX) {
    throw new ValidationError('The run is not valid.', [fieldError('title', `At most ${TITLE_MAX} characters.`)]);
  }
  return title;
}
