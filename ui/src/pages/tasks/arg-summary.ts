import type { JsonObject, JsonValue } from '../../api/types.ts';
import { operatorEditable, secretFields } from '../jobs/args/arg-rights.ts';

/** One top-level argument field as the task page lists it. */
export interface ArgField {
  name: string;
  type: string;
  /** JSON text of the default, or null when there is none. */
  defaultValue: string | null;
  required: boolean;
  description: string;
  secret: boolean;
  operatorEditable: boolean;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** "string (date-time)", "integer 1..100", "array of string", "a | b", "one of 2 shapes". */
function typeOf(schema: JsonValue | undefined): string {
  if (!isObject(schema)) return 'any';
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  const union = (schema.anyOf ?? schema.oneOf) as JsonValue[] | undefined;
  if (Array.isArray(union)) return union.map(typeOf).join(' | ');
  const type = Array.isArray(schema.type)
    ? schema.type.join(' | ')
    : typeof schema.type === 'string'
      ? schema.type
      : 'any';
  if (type === 'array') return `array of ${typeOf(schema.items)}`;
  if (type === 'object' && isObject(schema.additionalProperties))
    return `map of ${typeOf(schema.additionalProperties)}`;
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  const min = schema.minimum ?? schema.minLength;
  const max = schema.maximum ?? schema.maxLength;
  const range = min !== undefined || max !== undefined ? ` ${String(min ?? '')}..${String(max ?? '')}` : '';
  return `${type}${format}${range}`;
}

/** The task's top-level argument fields with their types, defaults and rights. */
export function argFieldsOf(schema: JsonObject): ArgField[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const secret = new Set(secretFields(schema));
  const editable = new Set(operatorEditable(schema));
  return Object.entries(properties).map(([name, field]) => {
    const f = isObject(field) ? field : {};
    return {
      name,
      type: typeOf(f),
      defaultValue: 'default' in f ? JSON.stringify(f.default) : null,
      required: required.has(name) && !('default' in f),
      description: typeof f.description === 'string' ? f.description : '',
      secret: secret.has(name),
      operatorEditable: editable.has(name),
    };
  });
}
