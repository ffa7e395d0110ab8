const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A strict ISO 8601 date-time (also the seed guide's `YYYY-MM-DD HH:mm`); without an offset it is
 * local time. Unlike `new Date(text)`, it refuses "12" or "2026-02-31" instead of guessing.
 */
export function parseDateTime(text: string): Date | undefined {
  const match = ISO.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const date = new Date(match[4] ? text.trim().replace(' ', 'T') : `${y}-${mo}-${d}T00:00:00${match[7] ?? ''}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
