import type { RouteObject } from 'react-router-dom';
import { portalRoutes } from '../pages/portal/routes.tsx';
import { mobileRoutes } from '../pages/mobile/routes.tsx';
import { kioskRoutes } from '../pages/kiosk/routes.tsx';
import { reservedRoutes } from '../pages/reserved/routes.tsx';
import { RouteErrorPage } from './RouteErrorPage.tsx';

/**
 * The route table: one entry per page group, each with its own layout and UI kit, each lazily loaded.
 * To add a group (workbench, admin …): write src/web/pages/<group>/routes.tsx exporting RouteObject[] whose
 * elements are page(() => import(...)), then list it here in place of its reserved placeholder.
 */
export const appRoutes: RouteObject[] = [
  ...mobileRoutes, //   /m/*        手机版 H5 (antd-mobile)
  ...kioskRoutes, //    /kiosk/*    自助终端 (antd, large)
  ...reservedRoutes, // /workbench, /admin, /rate/:windowId, /cannot-get-done — built by other engineers
  ...portalRoutes, //   /*          PC portal (antd), also the catch-all 404
].map((r) => ({ ...r, errorElement: <RouteErrorPage /> }));
