import type { RouteObject } from 'react-router-dom';
import { page } from '../../app/lazy.tsx';

/** Public pages without the portal frame: the hall rating tablet and the 办不成事 form (no UI kit, no login). */
export const publicRoutes: RouteObject[] = [
  { path: '/rate/:windowId', element: page(() => import('./RatePage.tsx')) },
  { path: '/cannot-get-done', element: page(() => import('./CannotGetDonePage.tsx')) },
];
