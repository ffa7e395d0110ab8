/** Times in a chosen time zone, with the browser's Intl only (no time zone data in the bundle). */

const DAY_MS = 86_400_000;

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Every time zone the browser knows (the browser's own first), for the zone picker. */
export function timeZones(): string[] {
  const own = browserTimeZone();
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return [own, ...all.filter((zone) => zone !== own)];
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();
function parts(ms: number, zone: string): Record<string, string> {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formats.set(zone, format);
  }
  return Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
}

/** "2026-03-29": the day an instant falls on in the zone. */
export function dayKey(ms: number, zone: string): string {
  const p = parts(ms, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "Sun 29/03" for a day heading. */
function dayLabel(ms: number, zone: string): string {
  const p = parts(ms, zone);
  return `${p.weekday} ${p.day}/${p.month}`;
}

/** "03:00" in the zone. */
export function timeOfDay(ms: number, zone: string): string {
  const p = parts(ms, zone);
  return `${p.hour}:${p.minute}`;
}

/** The instant the zone's day of `ms` begins (taking the day's offset at `ms`: right but on DST days). */
export function startOfDay(ms: number, zone: string): number {
  const p = parts(ms, zone);
  const sinceMidnight = (Number(p.hour) * 3600 + Number(p.minute) * 60 + Number(p.second)) * 1000 + (ms % 1000);
  return ms - sinceMidnight;
}

/** The `count` days from `start` on (noon of each, so a DST change never skips or repeats one). */
export function daysFrom(start: number, count: number, zone: string): { key: string; label: string; noon: number }[] {
  return Array.from({ length: count }, (_, i) => {
    const noon = start + i * DAY_MS + DAY_MS / 2;
    return { key: dayKey(noon, zone), label: dayLabel(noon, zone), noon };
  });
}

export { DAY_MS };
