import type { LogLineWire } from '../../api/types.ts';

/** A line as it is copied: the same layout as the API's text download. */
export function logLineText(line: LogLineWire): string {
  const fields = line.fields ? ` ${JSON.stringify(line.fields)}` : '';
  return `${line.time} ${line.level.toUpperCase().padEnd(5)} ${line.message}${fields}`;
}
