import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, call, errorMessage } from '../../api/client.ts';
import { rememberSignedIn } from '../../app/session.tsx';
import { NewPasswordFields } from '../../components/NewPasswordFields.tsx';
import { useTitle } from '../../hooks/useTitle.ts';

interface SetupForm {
  email: string;
  name: string;
  password: string;
  repeat: string;
}

/** The first start's setup link lands here: it creates the first admin account, once. */
export default function SetupPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useTitle('Set up Jobdeck');

  const submit = async ({ email, name, password }: SetupForm) => {
    setBusy(true);
    setError(null);
    try {
      const identity = await call(api.POST('/setup', { body: { token, email, name, password } }), {
        ignoreUnauthorized: true,
      });
      client.clear();
      rememberSignedIn(true);
      message.success(`Welcome, ${identity.name}: your admin account is ready`);
      void navigate('/jobs', { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16, background: '#f5f5f5' }}>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          Set up Jobdeck
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          Create the first admin account. This link works once; later accounts are made by admins (
          <Typography.Text code>jobdeck users create</Typography.Text>) or at a first sign-in through your identity
          provider.
        </Typography.Paragraph>
        {!token && <Alert type="warning" title="This page needs the setup link printed by the server." showIcon />}
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={!token}>
          <Form.Item
            label="E-mail"
            name="email"
            rules={[{ required: true, type: 'email', message: 'An e-mail address.' }]}
          >
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item label="Name" name="name" rules={[{ required: true, message: 'Your name.' }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <NewPasswordFields label="Password" />
          <Button type="primary" htmlType="submit" block loading={busy}>
            Create the admin account
          </Button>
        </Form>
      </Card>
    </main>
  );
}
