import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, call, errorMessage } from '../../api/client.ts';
import { mount } from '../../app/mount.ts';
import { rememberSignedIn, sessionQueryKey, takeSessionEnded } from '../../app/session.tsx';
import { useTitle } from '../../hooks/useTitle.ts';

/** Sign-in with an API token: the API swaps it for an httpOnly session cookie. */
export default function SignInPage() {
  const [params] = useSearchParams();
  const [sessionEnded] = useState(takeSessionEnded);
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useTitle('Sign in');

  const submit = async ({ token }: { token: string }) => {
    setBusy(true);
    setError(null);
    try {
      const identity = await call(api.POST('/session', { body: { token: token.trim() } }), {
        ignoreUnauthorized: true,
      });
      client.clear();
      rememberSignedIn(true);
      client.setQueryData(sessionQueryKey, identity);
      message.success(`Signed in as ${identity.name} (${identity.role})`);
      const next = params.get('next');
      void navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/overview', { replace: true });
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
          Jobdeck
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          Sign in with an API token. The first start of the server prints an admin token; admins create more with{' '}
          <Typography.Text code>jobdeck tokens create</Typography.Text>.
        </Typography.Paragraph>
        {!error && sessionEnded && (
          <Alert
            type="info"
            title="Your session ended (the token expired or was revoked). Sign in again."
            showIcon
            style={{ marginBottom: 16 }}
            role="status"
          />
        )}
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
        {mount.signIn.signInUrl && (
          <Button type="primary" block href={mount.signIn.signInUrl} style={{ marginBottom: 16 }}>
            Sign in with your account
          </Button>
        )}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="Token" name="token" rules={[{ required: true, message: 'Paste your token.' }]}>
            <Input.Password autoFocus autoComplete="current-password" placeholder="jd_…" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            Sign in
          </Button>
        </Form>
      </Card>
    </main>
  );
}
