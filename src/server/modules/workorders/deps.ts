/** Other modules' contract functions this module uses (docs/contracts.md). */
export { dueDate } from '../calendar/service.js';
export { findAgencies } from '../identity/repository.js';
// notifications is loaded on first use (see ratings/deps.ts) because it is being written alongside this module.
export { notify } from '../ratings/deps.js';
