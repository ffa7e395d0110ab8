import { useQueryClient } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { errorMessage, setUnauthorizedHandler } from '../api/client.ts';
import { PageLoading } from '../components/PageState.tsx';
import { adminBase } from './mount.ts';
import { markSessionEnded, rememberSignedIn, SessionProvider, sessionQueryKey, useSessionQuery } from './session.tsx';

/** Where to come back to after signing in: the page the user was on. */
function signInPath(location: { pathname: string; search: string }): string {
  const next = `${location.pathname}${location.search}`;
  return next === '/' || next.startsWith('/sign-in') ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}

/** The signed-in part of the app: without a session, every page sends to sign-in. */
export function RequireSession() {
  const session = useSessionQuery();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();

  useEffect(() => {
    // A 401 from any call means the session is gone (expired, token revoked): back to sign-in.
    setUnauthorizedHandler(() => {
      markSessionEnded();
      rememberSignedIn(false);
      client.setQueryData(sessionQueryKey, null);
      void navigate(signInPath(stripBase(window.location)), { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [client, navigate]);

  if (session.isPending) return <PageLoading />;
  if (session.isError) {
    return (
      <Result
        status="error"
        title="The server cannot be reached"
        subTitle={errorMessage(session.error)}
        extra={<Button onClick={() => void session.refetch()}>Try again</Button>}
      />
    );
  }
  if (!session.data) return <Navigate to={signInPath(location)} replace />;
  return (
    <SessionProvider identity={session.data}>
      <Outlet />
    </SessionProvider>
  );
}

function stripBase(location: Location): { pathname: string; search: string } {
  return { pathname: location.pathname.slice(adminBase.length) || '/', search: location.search };
}
