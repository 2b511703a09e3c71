import { Navigate } from 'react-router-dom';
import { useRoles } from '../staff/StaffLayout.tsx';

/** /admin opens the first page the person's roles allow. */
export default function AdminHome() {
  const { has } = useRoles();
  if (has('dept_admin', 'center_admin')) return <Navigate to="/admin/items" replace />;
  if (has('supervisor')) return <Navigate to="/admin/workorders" replace />;
  return <Navigate to="/admin/guide-check" replace />;
}
