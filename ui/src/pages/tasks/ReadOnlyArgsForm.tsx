import Form from '@rjsf/antd';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { JsonObject } from '../../api/types.ts';
import { SECRET_HELP, secretFields } from '../jobs/args/arg-rights.ts';
import { shapeValidator } from '../jobs/args/shape-validator.ts';

/**
 * A task's argument form as a job form would show it, read-only: every field with its default
 * filled in, secret fields marked. A <div>, not a <form>: nothing is submitted.
 */
export default function ReadOnlyArgsForm({ schema }: { schema: JsonObject }) {
  const { $schema: _ignored, ...formSchema } = schema;
  const ui: UiSchema = { 'ui:submitButtonOptions': { norender: true } };
  for (const field of secretFields(schema)) ui[field] = { 'ui:help': SECRET_HELP };
  return (
    <Form
      className="jd-args"
      formContext={{ labelAlign: 'left', colon: false }}
      tagName="div"
      idPrefix="task-args"
      schema={formSchema as RJSFSchema}
      uiSchema={ui}
      validator={shapeValidator}
      formData={{}}
      readonly
      showErrorList={false}
      noHtml5Validate
    />
  );
}
