import type { RouteObject } from 'react-router-dom';
import { page } from '../../app/lazy.tsx';

/** 工作台 (window clerks, reviewers, approvers): its frame and pages, each its own chunk (antd loads with the frame). */
export const workbenchRoutes: RouteObject[] = [
  {
    path: '/workbench',
    element: page(() => import('./WorkbenchLayout.tsx')),
    children: [
      { index: true, element: page(() => import('./InboxPage.tsx')) },
      { path: 'cases/:id', element: page(() => import('./CaseWorkPage.tsx')) },
      { path: 'overdue', element: page(() => import('./OverduePage.tsx')) },
      { path: 'intake', element: page(() => import('./IntakePage.tsx')) },
      { path: 'intake/receipt/:caseId', element: page(() => import('./ReceiptPage.tsx')) },
      { path: 'workorders', element: page(() => import('../workorders/WorkOrdersPage.tsx')) },
      { path: 'workorders/:id', element: page(() => import('../workorders/WorkOrderPage.tsx')) },
      { path: '*', element: page(() => import('../portal/NotFoundPage.tsx')) },
    ],
  },
];
