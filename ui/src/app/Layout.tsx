import { App as AntApp, Button, Grid, Layout as AntLayout, Menu, Tag, Tooltip, Typography } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useEvents } from '../hooks/useEvents.ts';
import { ChangePassword } from './ChangePassword.tsx';
import { mount } from './mount.ts';
import { useSession, useSignOut } from './session.tsx';

const ROLE_COLORS = { admin: 'red', operator: 'blue', viewer: 'default' } as const;

/** The signed-in frame: top bar with navigation, live status, role badge and sign-out. */
export function Layout() {
  const { identity, can } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { message } = AntApp.useApp();
  const live = useEvents();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;

  const items = [
    { key: '/overview', label: <Link to="/overview">Overview</Link> },
    { key: '/runs', label: <Link to="/runs">Runs</Link> },
    { key: '/jobs', label: <Link to="/jobs">Jobs</Link> },
    { key: '/queues', label: <Link to="/queues">Queues</Link> },
    { key: '/workers', label: <Link to="/workers">Workers</Link> },
    { key: '/tasks', label: <Link to="/tasks">Tasks</Link> },
    { key: '/calendar', label: <Link to="/calendar">Calendar</Link> },
    { key: '/logs', label: <Link to="/logs">Logs</Link> },
    ...(can('admin') ? [{ key: '/audit', label: <Link to="/audit">Audit log</Link> }] : []),
  ];
  const section = '/' + (location.pathname.split('/')[1] ?? '');
  // A run's page and a comparison of runs belong to Runs; the runs list is /runs itself.
  const selected = section === '/compare' ? '/runs' : section;

  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <AntLayout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: narrow ? 12 : 24 }}
        role="banner"
      >
        <Link to="/overview" style={{ color: '#fff', fontWeight: 600, fontSize: 18, whiteSpace: 'nowrap' }}>
          Jobdeck
        </Link>
        <nav aria-label="Main" style={{ flex: 1, minWidth: 0 }}>
          <Menu theme="dark" mode="horizontal" selectedKeys={[selected]} items={items} style={{ minWidth: 0 }} />
        </nav>
        <Tooltip title={live === 'live' ? 'Live updates on' : 'Live updates reconnecting…'}>
          <span
            aria-label={live === 'live' ? 'Live updates on' : 'Live updates off'}
            data-live={live}
            style={{
              width: 8,
              height: 8,
              borderRadius: 4,
              background: live === 'live' ? '#52c41a' : '#faad14',
              display: 'inline-block',
            }}
          />
        </Tooltip>
        {!narrow && (
          <Typography.Text style={{ color: '#ddd' }} ellipsis>
            {identity.name}
          </Typography.Text>
        )}
        <Tag color={ROLE_COLORS[identity.role]} data-testid="role-badge" style={{ marginInlineEnd: 0 }}>
          {identity.role}
        </Tag>
        {identity.account && <ChangePassword />}
        {identity.signed_in_by !== 'host' ? (
          <Button
            size="small"
            onClick={async () => {
              await signOut();
              message.success('Signed out');
              void navigate('/sign-in', { replace: true });
            }}
          >
            Sign out
          </Button>
        ) : (
          // The host signed the user in: signing out is the host's (a link to it, if it gave one).
          mount.signIn.signOutUrl && (
            <Button size="small" href={mount.signIn.signOutUrl}>
              Sign out
            </Button>
          )
        )}
      </AntLayout.Header>
      <AntLayout.Content style={{ padding: narrow ? 12 : 24 }} role="main">
        <Outlet />
      </AntLayout.Content>
    </AntLayout>
  );
}
