import type { RouteObject } from 'react-router-dom';
import { page } from '../../app/lazy.tsx';

/** Kiosk (自助终端) under /kiosk: antd at touch scale, idle logout, channel "kiosk" with the terminal id. */
export const kioskRoutes: RouteObject[] = [
  {
    path: '/kiosk',
    element: page(() => import('./KioskLayout.tsx')),
    children: [
      { index: true, element: page(() => import('./KioskHomePage.tsx')) },
      { path: 'search', element: page(() => import('./KioskSearchPage.tsx')) },
      { path: 'items/:key', element: page(() => import('./KioskGuidePage.tsx')) },
      { path: 'login', element: page(() => import('./KioskLoginPage.tsx')) },
      { path: 'apply/:key', element: page(() => import('./KioskApplyPage.tsx')) },
      { path: '*', element: page(() => import('./KioskHomePage.tsx')) },
    ],
  },
];
