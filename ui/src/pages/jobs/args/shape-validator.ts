import type { RJSFSchema, ValidatorType } from '@rjsf/utils';

type Schema = RJSFSchema;

/**
 * A small JSON Schema checker for rjsf, used instead of @rjsf/validator-ajv8: Ajv compiles
 * schemas with `new Function`, which the admin's Content-Security-Policy forbids. The form only
 * needs types, enums and required keys (to pick anyOf/oneOf options and flag obvious slips);
 * the API validates the arguments fully and its field errors are shown under the fields.
 */
function matches(schema: Schema | boolean | undefined, value: unknown, root: Schema): boolean {
  if (schema === undefined || schema === true) return true;
  if (schema === false) return false;
  if (schema.$ref?.startsWith('#/')) {
    const target = schema.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
    return matches(target as Schema, value, root);
  }
  if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(value)) return false;
  if (schema.enum && !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))) return false;
  if (schema.anyOf && !schema.anyOf.some((option) => matches(option as Schema, value, root))) return false;
  if (schema.oneOf && schema.oneOf.filter((option) => matches(option as Schema, value, root)).length !== 1)
    return false;
  if (schema.allOf && !schema.allOf.every((option) => matches(option as Schema, value, root))) return false;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => hasType(type, value))) return false;
  }
  if (isObject(value)) {
    for (const key of schema.required ?? []) if (!(key in value)) return false;
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      if (key in value && !matches(child as Schema, value[key], root)) return false;
    }
  }
  if (Array.isArray(value) && schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) {
    if (!value.every((item) => matches(schema.items as Schema, item, root))) return false;
  }
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

export const shapeValidator: ValidatorType = {
  validateFormData: () => ({ errors: [], errorSchema: {} }),
  isValid: (schema, formData, rootSchema) => matches(schema, formData, rootSchema),
  rawValidation: () => ({ errors: [] }),
};
