import type { RouteObject } from 'react-router-dom';
import { page } from '../../app/lazy.tsx';

/** Mobile H5 (antd-mobile) under /m: the same flows as the PC portal at phone width, channel "mobile". */
export const mobileRoutes: RouteObject[] = [
  {
    path: '/m',
    element: page(() => import('./MobileLayout.tsx')),
    children: [
      { index: true, element: page(() => import('./MHomePage.tsx')) },
      { path: 'search', element: page(() => import('./MSearchPage.tsx')) },
      { path: 'items/:key', element: page(() => import('./MGuidePage.tsx')) },
      { path: 'apply/:key', element: page(() => import('./MApplyPage.tsx')) },
      { path: 'my/cases', element: page(() => import('./MMyCasesPage.tsx')) },
      { path: 'my/cases/:id', element: page(() => import('./MCaseDetailPage.tsx')) },
      { path: 'login', element: page(() => import('./MLoginPage.tsx')) },
      { path: '*', element: page(() => import('./MHomePage.tsx')) },
    ],
  },
];
