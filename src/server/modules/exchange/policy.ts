import { definePolicy } from '../../platform/auth/policy.js';

/**
 * The exchange is district-wide plumbing: its quality report and its records are for the center (held at the
 * center agency, covering all departments' cases) and the supervisors who follow up the city's indicators.
 */
export const exchangePolicy = definePolicy({
  'exchange.quality': ['center_admin', 'supervisor'],
  'exchange.records': ['center_admin', 'supervisor'],
  'exchange.retry': ['center_admin'],
});
