import Form from '@rjsf/antd';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import type { FieldError, JsonObject } from '../../../api/types.ts';
import { shapeValidator } from './shape-validator.ts';
import { READ_ONLY_WHY, SECRET_HELP, secretFields } from './arg-rights.ts';

export interface ArgsFormProps {
  /** The task's JSON Schema (GET /api/tasks → args_schema). */
  schema: JsonObject;
  value: JsonObject;
  onChange: (value: JsonObject) => void;
  /** The API's field errors; those named `args.<path>` appear under that field. */
  errors?: FieldError[];
  disabled?: boolean;
  /** Keeps the ids of two forms on one page apart. */
  idPrefix?: string;
  /** Top-level fields shown but not editable (the role may not change them), with why. */
  readOnlyFields?: string[];
}

/** Hides the form's own submit button; marks read-only fields (with why) and secret ones. */
function uiSchemaFor(schema: JsonObject, readOnly: string[]): UiSchema {
  const ui: UiSchema = { 'ui:submitButtonOptions': { norender: true } };
  for (const field of secretFields(schema)) ui[field] = { 'ui:help': SECRET_HELP };
  for (const field of readOnly) ui[field] = { ...ui[field], 'ui:readonly': true, 'ui:help': READ_ONLY_WHY };
  return ui;
}

/** The API reports `args.a.b`; rjsf wants { a: { b: { __errors } } }. */
function toErrorSchema(errors: FieldError[] = []): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const error of errors) {
    if (error.field !== 'args' && !error.field.startsWith('args.')) continue;
    const path = error.field.split('.').slice(1);
    let node = root;
    for (const key of path) node = (node[key] ??= {}) as Record<string, unknown>;
    node.__errors = [...((node.__errors as string[]) ?? []), ...error.messages];
  }
  return root as ErrorSchema;
}

/**
 * A task's arguments as a generated form (@rjsf/antd). Rendered as a <div> so it can sit inside
 * the job form or the run dialog (forms may not nest). Date-time fields get date pickers.
 */
export default function ArgsForm({
  schema,
  value,
  onChange,
  errors,
  disabled,
  idPrefix = 'args',
  readOnlyFields = [],
}: ArgsFormProps) {
  // The draft-2020-12 marker would make rjsf look the meta-schema up; types are all it needs.
  const { $schema: _ignored, ...formSchema } = schema;
  return (
    <Form
      className="jd-args"
      formContext={{ labelAlign: 'left', colon: false }}
      tagName="div"
      idPrefix={idPrefix}
      schema={formSchema as RJSFSchema}
      uiSchema={uiSchemaFor(schema, readOnlyFields)}
      validator={shapeValidator}
      formData={value}
      onChange={(event) => onChange((event.formData ?? {}) as JsonObject)}
      extraErrors={toErrorSchema(errors)}
      showErrorList={false}
      noHtml5Validate
      disabled={disabled}
      experimental_defaultFormStateBehavior={{ emptyObjectFields: 'skipDefaults' }}
    />
  );
}
