import type { RouteObject } from 'react-router-dom';
import { page } from '../../app/lazy.tsx';

/** 管理后台 (department and center admins, supervisors): frame and pages, each its own chunk. */
export const adminRoutes: RouteObject[] = [
  {
    path: '/admin',
    element: page(() => import('./AdminLayout.tsx')),
    children: [
      { index: true, element: page(() => import('./AdminHome.tsx')) },
      { path: 'items', element: page(() => import('./catalog/ItemsPage.tsx')) },
      { path: 'items/:key', element: page(() => import('./catalog/ItemEditorPage.tsx')) },
      { path: 'guide-check', element: page(() => import('./GuideReportPage.tsx')) },
      { path: 'agencies', element: page(() => import('./AgenciesPage.tsx')) },
      { path: 'staff', element: page(() => import('./StaffPage.tsx')) },
      { path: 'calendar', element: page(() => import('./CalendarPage.tsx')) },
      { path: 'halls', element: page(() => import('./HallsPage.tsx')) },
      { path: 'templates', element: page(() => import('./TemplatesPage.tsx')) },
      { path: 'workorders', element: page(() => import('../workorders/WorkOrdersPage.tsx')) },
      { path: 'workorders/:id', element: page(() => import('../workorders/WorkOrderPage.tsx')) },
      { path: 'indicators', element: page(() => import('./IndicatorsPage.tsx')) },
      { path: '*', element: page(() => import('../portal/NotFoundPage.tsx')) },
    ],
  },
];
