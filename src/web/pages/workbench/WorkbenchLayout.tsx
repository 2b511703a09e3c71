import { StaffFrame, type NavEntry } from '../staff/StaffLayout.tsx';

const HANDLERS = ['window_clerk', 'reviewer', 'approver', 'dept_admin'];
const WORKORDER_VIEW = ['dept_admin', 'reviewer', 'approver', 'supervisor', 'center_admin'];

const nav: NavEntry[] = [
  { to: '/workbench', label: 'inbox', roles: HANDLERS, end: true },
  { to: '/workbench/intake', label: 'intake', roles: ['window_clerk'] },
  { to: '/workbench/overdue', label: 'overdue', roles: ['supervisor', 'center_admin', 'dept_admin'] },
  { to: '/workbench/workorders', label: 'workorders', roles: WORKORDER_VIEW },
];

/** 工作台 frame: loaded lazily with antd, like every staff page. */
export default function WorkbenchLayout() {
  return <StaffFrame title="workbench" home="/workbench" nav={nav} />;
}
