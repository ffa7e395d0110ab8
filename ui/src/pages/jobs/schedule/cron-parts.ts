/** The five fields of a crontab, as the API names them. */
export const CRON_FIELDS = [
  { key: 'minute', label: 'Minute' },
  { key: 'hour', label: 'Hour' },
  { key: 'day_of_month', label: 'Day of month' },
  { key: 'month_of_year', label: 'Month' },
  { key: 'day_of_week', label: 'Day of week' },
] as const;

type CronFieldKey = (typeof CRON_FIELDS)[number]['key'];
export type CronParts = Record<CronFieldKey, string>;

export function toExpression(parts: CronParts): string {
  return CRON_FIELDS.map((f) => parts[f.key].trim() || '*').join(' ');
}

export function fromExpression(expression: string): CronParts | null {
  const values = expression.trim().split(/\s+/);
  if (values.length !== 5) return null;
  return Object.fromEntries(CRON_FIELDS.map((f, i) => [f.key, values[i]!])) as CronParts;
}
