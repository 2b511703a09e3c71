import type { RouteObject } from 'react-router-dom';
import { page } from '../../app/lazy.tsx';

/**
 * Routes reserved for pages other engineers build on this shell. Replace an entry with the real group's routes
 * (see src/web/README.md); the placeholder keeps the URL answering meanwhile instead of falling into the portal 404.
 */
const placeholder = () => page(() => import('./ReservedPage.tsx'));

export const reservedRoutes: RouteObject[] = [
  { path: '/workbench/*', element: placeholder() }, // 工作台：窗口受理、审查、审批
  { path: '/admin/*', element: placeholder() }, //     管理后台：事项、机构、人员、日历
  { path: '/rate/:windowId', element: placeholder() }, // 好差评：窗口评价
  { path: '/cannot-get-done', element: placeholder() }, // 办不成事反映窗口
];
