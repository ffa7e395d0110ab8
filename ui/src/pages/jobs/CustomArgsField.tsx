import { Form, Input } from 'antd';
import { parseCustomArgs } from './custom-args.ts';

/**
 * The custom args JSON editor of the job form and of Configure and run: invalid JSON shows under
 * the field before anything is sent.
 */
export function CustomArgsField({ tooltip, readOnlyWhy }: { tooltip: string; readOnlyWhy?: string | undefined }) {
  return (
    <Form.Item
      label="Custom args (JSON)"
      name="custom_args"
      tooltip={tooltip}
      {...(readOnlyWhy && { extra: readOnlyWhy })}
      rules={[
        {
          validator: async (_, text: string) => {
            const parsed = parseCustomArgs(text ?? '');
            if (!parsed.ok) throw new Error(parsed.error);
          },
        },
      ]}
    >
      <Input.TextArea
        autoSize={{ minRows: 3, maxRows: 12 }}
        spellCheck={false}
        style={{ fontFamily: 'monospace' }}
        placeholder="{}"
        readOnly={Boolean(readOnlyWhy)}
      />
    </Form.Item>
  );
}
