import { Form, Input } from 'antd';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../src/domain/user.ts';

/**
 * A new password and its repetition, as form items named `password` and `repeat`, with the
 * account rules' limits (domain/user.ts): the setup page and "Change password" both ask for one.
 */
export function NewPasswordFields({ label }: { label: string }) {
  return (
    <>
      <Form.Item
        label={label}
        name="password"
        rules={[
          {
            required: true,
            min: PASSWORD_MIN,
            max: PASSWORD_MAX,
            message: `${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`,
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={`Repeat the ${label.toLowerCase()}`}
        name="repeat"
        dependencies={['password']}
        rules={[
          { required: true, message: 'Repeat it.' },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('The two differ.')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
