import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, apiUrl, call, errorMessage } from '../../api/client.ts';
import { mount } from '../../app/mount.ts';
import { rememberSignedIn, takeSessionEnded } from '../../app/session.tsx';
import { useTitle } from '../../hooks/useTitle.ts';

type Credentials = { token: string } | { email: string; password: string };

/**
 * Sign-in: with an account (e-mail and password), through the organisation's identity provider
 * when one is set up, or with an API token. Each ends in an httpOnly session cookie.
 */
export default function SignInPage() {
  const [params] = useSearchParams();
  const [sessionEnded] = useState(takeSessionEnded);
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'password' | 'token' | null>(null);
  const methods = useQuery({
    queryKey: ['sign-in-methods'],
    queryFn: () => call(api.GET('/sign-in/methods'), { ignoreUnauthorized: true }),
    staleTime: Infinity,
  });
  useTitle('Sign in');
  const rawNext = params.get('next');
  const next = rawNext && rawNext.startsWith('/') && !rawNext.startsWith('//') ? rawNext : '/overview';

  const submit = async (credentials: Credentials) => {
    setBusy('token' in credentials ? 'token' : 'password');
    setError(null);
    try {
      const identity = await call(
        'token' in credentials
          ? api.POST('/session', { body: { token: credentials.token.trim() } })
          : api.POST('/session/password', { body: credentials }),
        { ignoreUnauthorized: true },
      );
      client.clear();
      rememberSignedIn(true);
      message.success(`Signed in as ${identity.name} (${identity.role})`);
      void navigate(next, { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const oidc = methods.data?.oidc;

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16, background: '#f5f5f5' }}>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          Jobdeck
        </Typography.Title>
        {!error && sessionEnded && (
          <Alert
            type="info"
            title="Your session ended (it expired or was revoked). Sign in again."
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
        {oidc && (
          <Button
            type="primary"
            block
            href={apiUrl('/oidc/start', { next })}
            style={{ marginBottom: 16 }}
            onClick={() => rememberSignedIn(true)}
          >
            Sign in with {oidc.label}
          </Button>
        )}
        <Form layout="vertical" onFinish={submit} requiredMark={false} name="account">
          <Form.Item label="E-mail" name="email" rules={[{ required: true, message: 'Your e-mail address.' }]}>
            <Input autoFocus autoComplete="username" type="email" />
          </Form.Item>
          <Form.Item label="Password" name="password" rules={[{ required: true, message: 'Your password.' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type={oidc ? 'default' : 'primary'} htmlType="submit" block loading={busy === 'password'}>
            Sign in with password
          </Button>
        </Form>
        <Divider plain>or with an API token</Divider>
        <Typography.Paragraph type="secondary">
          The first start of the server prints an admin token; admins create more with{' '}
          <Typography.Text code>jobdeck tokens create</Typography.Text>.
        </Typography.Paragraph>
        <Form layout="vertical" onFinish={submit} requiredMark={false} name="token">
          <Form.Item label="Token" name="token" rules={[{ required: true, message: 'Paste your token.' }]}>
            <Input.Password autoComplete="off" placeholder="jd_…" />
          </Form.Item>
          <Button htmlType="submit" block loading={busy === 'token'}>
            Sign in with token
          </Button>
        </Form>
      </Card>
    </main>
  );
}
