import type { RouteObject } from 'react-router-dom';
import { portalRoutes } from '../pages/portal/routes.tsx';
import { mobileRoutes } from '../pages/mobile/routes.tsx';
import { kioskRoutes } from '../pages/kiosk/routes.tsx';
import { workbenchRoutes } from '../pages/workbench/routes.tsx';
import { adminRoutes } from '../pages/admin/routes.tsx';
import { publicRoutes } from '../pages/public/routes.tsx';
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
  ...workbenchRoutes, // /workbench/* 工作台 (antd): 待办、办件、综窗受理、超期、工单
  ...adminRoutes, //    /admin/*     管理后台 (antd): 事项、指南检查、机构、人员、日历、大厅、模板、督查、指标
  ...reservedRoutes, // (empty now; kept for future reserved paths)
  ...publicRoutes, //   /rate/:windowId 窗口评价器, /cannot-get-done 办不成事 (plain HTML)
  ...portalRoutes, //   /*          PC portal (antd), also the catch-all 404
].map((r) => ({ ...r, errorElement: <RouteErrorPage /> }));
