import { definePolicy } from '../../platform/auth/policy.js';

/**
 * Permissions of the cases module that are not named by a process node. Node actions (受理, 通过, 准予 …) are
 * allowed to the role the definition names for the node, in the agency of the task (see act.ts canHandle).
 */
export const casesPolicy = definePolicy({
  'case.view': ['window_clerk', 'reviewer', 'approver', 'dept_admin', 'center_admin', 'supervisor'],
  'case.overdue': ['supervisor', 'center_admin', 'dept_admin'],
  'case.urge': ['supervisor', 'center_admin', 'dept_admin'],
  'case.special': ['reviewer', 'approver', 'dept_admin'],
  'visit.record': ['window_clerk'],
  'process.manage': ['center_admin'],
});
