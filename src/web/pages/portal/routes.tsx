import type { RouteObject } from 'react-router-dom';
import { page } from '../../app/lazy.tsx';

/** PC portal (antd). Each page is its own chunk; the layout chunk carries antd. */
export const portalRoutes: RouteObject[] = [
  {
    path: '/',
    element: page(() => import('./PortalLayout.tsx')),
    children: [
      { index: true, element: page(() => import('./HomePage.tsx')) },
      { path: 'search', element: page(() => import('./SearchPage.tsx')) },
      { path: 'items/:key', element: page(() => import('./GuidePage.tsx')) },
      { path: 'apply/:key', element: page(() => import('./ApplyPage.tsx')) },
      { path: 'my/cases', element: page(() => import('./MyCasesPage.tsx')) },
      { path: 'my/cases/:id', element: page(() => import('./CaseDetailPage.tsx')) },
      { path: 'my/drafts', element: page(() => import('./MyDraftsPage.tsx')) },
      { path: 'login', element: page(() => import('./LoginPage.tsx')) },
      { path: '*', element: page(() => import('./NotFoundPage.tsx')) },
    ],
  },
];
