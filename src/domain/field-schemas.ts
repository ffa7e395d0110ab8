import { z } from 'zod';

/**
 * The zod building blocks of the job and run contracts (job-fields.ts, run-contract.ts): values
 * may come as JSON, as CLI text or as form posts, and each problem reads as one sentence.
 */

/** Job and run titles alike. */
export const TITLE_MAX = 250;

/** A title: trimmed, 1 to TITLE_MAX characters. */
export const titleSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z
    .string({ error: 'A title is required.' })
    .min(1, { error: 'A title is required.' })
    .max(TITLE_MAX, { error: `At most ${TITLE_MAX} characters.` }),
);

const wholeMessage = (min: number, max: number) => `Must be a whole number between ${min} and ${max}.`;

/** Numbers may come as text (CLI flags, form posts): "3" is 3, "" is no value. */
const numericText = (value: unknown) =>
  typeof value === 'string' ? (value.trim() === '' ? null : Number(value)) : value;

const wholeNumber = (min: number, max: number) => {
  const error = wholeMessage(min, max);
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
export const whole = (min: number, max: number) => z.preprocess(numericText, wholeNumber(min, max));
/** As `whole`, where null (or "") means none. */
export const wholeOrNull = (min: number, max: number) => z.preprocess(numericText, wholeNumber(min, max).nullable());

/** A list given as an array of strings or as comma-separated text (the CLI's form). */
export const listText = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : Array.isArray(value)
      ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v))
      : value;

export const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => `"${String(issue.input)}" is not one of ${values.join(', ')}.` });

export const json = z.record(z.string(), z.unknown());
/** An object, or JSON text of one (the CLI's and a file's form); the service parses it. */
export const jsonOrText = z.union([json, z.string()]);
