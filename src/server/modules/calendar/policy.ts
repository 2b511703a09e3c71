import { definePolicy } from '../../platform/auth/policy.js';

/** The calendar is district-wide: only the center admin (中心管理员) maintains it; reading it is public. */
export const calendarPolicy = definePolicy({
  'calendar.edit': ['center_admin'],
});
