import type { RouteObject } from 'react-router-dom';
import { page } from '../../app/lazy.tsx';

/**
 * Routes reserved for pages other engineers build on this shell. Replace an entry with the real group's routes
 * (see src/web/README.md); the placeholder keeps the URL answering meanwhile instead of falling into the portal 404.
 */
/** For a future reserved path: `{ path: '/x/*', element: placeholder() }`. */
export const placeholder = () => page(() => import('./ReservedPage.tsx'));

// /workbench, /admin, /rate/:windowId and /cannot-get-done are built now (pages/workbench, pages/admin, pages/public).
export const reservedRoutes: RouteObject[] = [];
