import { definePolicy } from '../../platform/auth/policy.js';

/**
 * Who may do what with materials besides their owner. Viewing is scoped to the agencies of the cases that use the
 * file; the window clerk is center-wide (综窗 takes in applications for every department), so any linked file.
 */
export const materialsPolicy = definePolicy({
  /** 代扫: scan a paper material at the window on an applicant's behalf. */
  'upload.on_behalf': ['window_clerk'],
  /** View a file used by a case of the agency. */
  'upload.view_for_case': ['reviewer', 'approver', 'dept_admin', 'supervisor', 'center_admin'],
  /** View any file used by some case (the window takes in for every department). */
  'upload.view_center_wide': ['window_clerk'],
});
