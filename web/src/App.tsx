// Routes: 登录 outside the frame; every bureau's pages inside it, each area loaded on demand.
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { currentSession } from './session';
import { AppLayout } from './components/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { HomePage } from './pages/HomePage';

const ProjectList = lazy(() => import('./pages/projects/ProjectList'));
const ProjectDetail = lazy(() => import('./pages/projects/ProjectDetail'));
const ProjectForm = lazy(() => import('./pages/projects/ProjectForm'));
const BulkProgress = lazy(() => import('./pages/projects/BulkProgress'));
const ProjectImport = lazy(() => import('./pages/projects/ProjectImport'));
const ProblemLedger = lazy(() => import('./pages/projects/ProblemLedger'));
const ApprovalItems = lazy(() => import('./pages/approvals/ApprovalItems'));
const Enterprises = lazy(() => import('./pages/attraction/Enterprises'));
const Deals = lazy(() => import('./pages/attraction/Deals'));
const Statistics = lazy(() => import('./pages/statistics/StatisticsPage'));
const Funding = lazy(() => import('./pages/funding/FundingPage'));
const CityOverview = lazy(() => import('./pages/city/CityOverview'));
const CityLists = lazy(() => import('./pages/city/CityLists'));
const Decomposition = lazy(() => import('./pages/city/Decomposition'));

function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  if (!currentSession()) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

const loading = <div style={{ padding: 48, textAlign: 'center' }}><Spin size="large" tip="加载中…"><div style={{ height: 40 }} /></Spin></div>;

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession><AppLayout /></RequireSession>}>
        <Route index element={<HomePage />} />
        <Route path="projects" element={<Suspense fallback={loading}><ProjectList /></Suspense>} />
        <Route path="projects/new" element={<Suspense fallback={loading}><ProjectForm /></Suspense>} />
        <Route path="projects/:id" element={<Suspense fallback={loading}><ProjectDetail /></Suspense>} />
        <Route path="projects/:id/edit" element={<Suspense fallback={loading}><ProjectForm /></Suspense>} />
        <Route path="progress" element={<Suspense fallback={loading}><BulkProgress /></Suspense>} />
        <Route path="imports" element={<Suspense fallback={loading}><ProjectImport /></Suspense>} />
        <Route path="problems" element={<Suspense fallback={loading}><ProblemLedger /></Suspense>} />
        <Route path="approvals" element={<Suspense fallback={loading}><ApprovalItems /></Suspense>} />
        <Route path="attraction/enterprises" element={<Suspense fallback={loading}><Enterprises /></Suspense>} />
        <Route path="attraction/deals" element={<Suspense fallback={loading}><Deals /></Suspense>} />
        <Route path="statistics" element={<Suspense fallback={loading}><Statistics /></Suspense>} />
        <Route path="funding" element={<Suspense fallback={loading}><Funding /></Suspense>} />
        <Route path="city" element={<Suspense fallback={loading}><CityOverview /></Suspense>} />
        <Route path="city/lists" element={<Suspense fallback={loading}><CityLists /></Suspense>} />
        <Route path="city/decomposition" element={<Suspense fallback={loading}><Decomposition /></Suspense>} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
