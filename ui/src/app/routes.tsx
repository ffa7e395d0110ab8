import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { PageLoading } from '../components/PageState.tsx';
import { Layout } from './Layout.tsx';
import { RequireSession } from './RequireSession.tsx';

// Each page is its own chunk: the first load only fetches the shell and the page it shows.
const SignInPage = lazy(() => import('../pages/sign-in/SignInPage.tsx'));
const JobsPage = lazy(() => import('../pages/jobs/JobsPage.tsx'));
const JobPage = lazy(() => import('../pages/jobs/JobPage.tsx'));
const RunPage = lazy(() => import('../pages/run/RunPage.tsx'));
const QueuesPage = lazy(() => import('../pages/queues/QueuesPage.tsx'));
const AuditPage = lazy(() => import('../pages/audit/AuditPage.tsx'));
const LogsPage = lazy(() => import('../pages/logs/LogsPage.tsx'));

const page = (element: ReactNode) => <Suspense fallback={<PageLoading />}>{element}</Suspense>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={page(<SignInPage />)} />
      <Route element={<RequireSession />}>
        <Route element={<Layout />}>
          <Route index element={<Navigate to="/jobs" replace />} />
          <Route path="/jobs" element={page(<JobsPage />)} />
          <Route path="/jobs/:id" element={page(<JobPage />)} />
          <Route path="/runs/:id" element={page(<RunPage />)} />
          <Route path="/queues" element={page(<QueuesPage />)} />
          <Route path="/audit" element={page(<AuditPage />)} />
          <Route path="/logs" element={page(<LogsPage />)} />
          <Route path="*" element={<Navigate to="/jobs" replace />} />
        </Route>
      </Route>
    </Routes>
  );
}
