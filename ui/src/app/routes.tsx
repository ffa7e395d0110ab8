import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { PageLoading } from '../components/PageState.tsx';
import { Layout } from './Layout.tsx';
import { RequireSession } from './RequireSession.tsx';

// Each page is its own chunk: the first load only fetches the shell and the page it shows.
const SignInPage = lazy(() => import('../pages/sign-in/SignInPage.tsx'));
const SetupPage = lazy(() => import('../pages/setup/SetupPage.tsx'));
const JobsPage = lazy(() => import('../pages/jobs/JobsPage.tsx'));
const JobPage = lazy(() => import('../pages/jobs/JobPage.tsx'));
const RunPage = lazy(() => import('../pages/run/RunPage.tsx'));
const QueuesPage = lazy(() => import('../pages/queues/QueuesPage.tsx'));
const AuditPage = lazy(() => import('../pages/audit/AuditPage.tsx'));
const WorkersPage = lazy(() => import('../pages/workers/WorkersPage.tsx'));
const TasksPage = lazy(() => import('../pages/tasks/TasksPage.tsx'));
const TaskPage = lazy(() => import('../pages/tasks/TaskPage.tsx'));
const CalendarPage = lazy(() => import('../pages/calendar/CalendarPage.tsx'));
const ComparePage = lazy(() => import('../pages/compare/ComparePage.tsx'));
const OverviewPage = lazy(() => import('../pages/overview/OverviewPage.tsx'));
const RunsPage = lazy(() => import('../pages/runs/RunsPage.tsx'));
const LogsPage = lazy(() => import('../pages/logs/LogsPage.tsx'));

const page = (element: ReactNode) => <Suspense fallback={<PageLoading />}>{element}</Suspense>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={page(<SignInPage />)} />
      <Route path="/setup" element={page(<SetupPage />)} />
      <Route element={<RequireSession />}>
        <Route element={<Layout />}>
          <Route index element={<Navigate to="/overview" replace />} />
          <Route path="/overview" element={page(<OverviewPage />)} />
          <Route path="/runs" element={page(<RunsPage />)} />
          <Route path="/jobs" element={page(<JobsPage />)} />
          <Route path="/jobs/:id" element={page(<JobPage />)} />
          <Route path="/runs/:id" element={page(<RunPage />)} />
          <Route path="/queues" element={page(<QueuesPage />)} />
          <Route path="/audit" element={page(<AuditPage />)} />
          <Route path="/workers" element={page(<WorkersPage />)} />
          <Route path="/tasks" element={page(<TasksPage />)} />
          <Route path="/tasks/:id" element={page(<TaskPage />)} />
          <Route path="/calendar" element={page(<CalendarPage />)} />
          <Route path="/compare" element={page(<ComparePage />)} />
          <Route path="/logs" element={page(<LogsPage />)} />
          <Route path="*" element={<Navigate to="/jobs" replace />} />
        </Route>
      </Route>
    </Routes>
  );
}
