import { definePolicy } from '../../platform/auth/policy.js';

/**
 * Templates and the delivery log are district-wide: the center admin (中心管理员) edits templates; the supervisor
 * (督查) may read the log to check that notices went out. Everyone's own inbox needs only a login.
 */
export const notificationsPolicy = definePolicy({
  'template.view': ['center_admin', 'supervisor'],
  'template.edit': ['center_admin'],
  'delivery.view': ['center_admin', 'supervisor'],
});
