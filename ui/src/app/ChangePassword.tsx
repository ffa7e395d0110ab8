import { App as AntApp, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, call, errorMessage } from '../api/client.ts';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';

interface PasswordForm {
  current: string;
  password: string;
  repeat: string;
}

/** "Change password" for a person signed in with their account. */
export function ChangePassword() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<PasswordForm>();
  const { message } = AntApp.useApp();

  const submit = async ({ current, password }: PasswordForm) => {
    setBusy(true);
    try {
      await call(api.PUT('/account/password', { body: { current, password } }));
      message.success('Password changed');
      form.resetFields();
      setOpen(false);
    } catch (e) {
      form.setFields([{ name: 'current', errors: [errorMessage(e)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        Change password
      </Button>
      <Modal
        title="Change password"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="Change"
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label="Current password"
            name="current"
            rules={[{ required: true, message: 'Your password now.' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <NewPasswordFields label="New password" />
        </Form>
      </Modal>
    </>
  );
}
