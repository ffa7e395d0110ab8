import type { FieldError } from '../../api/types.ts';

/** A form field path as antd names it: `['notification_webhooks', 0, 'url']`. */
type FieldPath = (string | number)[];

/** Where API field errors go: under a form field, under the task's argument form, or above the form. */
export interface SortedErrors {
  byField: { name: FieldPath; errors: string[] }[];
  forArgs: FieldError[];
  rest: string[];
}

// The service reports webhook problems on the list as "item N: url must be …" (N from 1).
const WEBHOOK_ITEM = /^item (\d+): (url|secret) (.*)$/;

/**
 * Sorts an API answer's field errors by the form field they belong to. Dotted paths
 * (`notification_webhooks.0.url`, from request-schema checks) and the service's "item N: …"
 * messages both land under the list item's own field.
 */
export function sortFieldErrors(errors: FieldError[], fields: ReadonlySet<string>): SortedErrors {
  const byName = new Map<string, { name: FieldPath; errors: string[] }>();
  const add = (name: FieldPath, messages: string[]) => {
    const key = name.join('.');
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(...messages);
    byName.set(key, entry);
  };
  const forArgs: FieldError[] = [];
  const rest: string[] = [];
  for (const e of errors) {
    const [top = '', index, sub] = e.field.split('.');
    if (top === 'args') forArgs.push(e);
    else if (!fields.has(top)) rest.push(`${e.field}: ${e.messages.join(' ')}`);
    else if (top === 'notification_webhooks' && index !== undefined && /^\d+$/.test(index)) {
      add([top, Number(index), sub ?? 'url'], e.messages);
    } else if (top === 'notification_webhooks') {
      for (const message of e.messages) {
        const item = WEBHOOK_ITEM.exec(message);
        if (item) add([top, Number(item[1]) - 1, item[2]!], [`The ${item[2]} ${item[3]}.`]);
        else add([top], [message]);
      }
    } else if (top === 'history_alerts' && index) add([top, index], e.messages);
    else add([top], e.messages);
  }
  return { byField: [...byName.values()], forArgs, rest };
}
