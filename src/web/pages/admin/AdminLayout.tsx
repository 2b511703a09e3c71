import { StaffFrame, type NavEntry } from '../staff/StaffLayout.tsx';

const ADMINS = ['dept_admin', 'center_admin'];
const nav: NavEntry[] = [
  { to: '/admin/items', label: 'items', roles: ADMINS },
  { to: '/admin/guide-check', label: 'guideCheck', roles: [...ADMINS, 'supervisor'] },
  { to: '/admin/agencies', label: 'agencies', roles: ADMINS },
  { to: '/admin/staff', label: 'staff', roles: ADMINS },
  { to: '/admin/calendar', label: 'calendar', roles: ['center_admin'] },
  { to: '/admin/halls', label: 'halls', roles: ['center_admin'] },
  { to: '/admin/templates', label: 'templates', roles: ['center_admin', 'supervisor'] },
  { to: '/admin/workorders', label: 'supervise', roles: ['supervisor', 'center_admin'] },
  { to: '/admin/indicators', label: 'indicators', roles: ['supervisor', 'center_admin', 'dept_admin'] },
];

/** 管理后台 frame, lazily loaded with antd. */
export default function AdminLayout() {
  return <StaffFrame title="admin" home="/admin" nav={nav} />;
}
