/** Other modules' contract functions this module uses (docs/contracts.md). */
export { notify } from '../notifications/service.js';
export { getItemVersion } from '../catalog/service-contract.js';
export { getCaseSummary } from '../cases/contract.js';
