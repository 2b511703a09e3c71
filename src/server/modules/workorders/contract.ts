/**
 * What the work-order hub offers other modules (docs/contracts.md): the figures the indicators are computed from.
 * Event consumed: rating.submitted (ratings). Orders are opened through its API, not by other modules directly.
 */
export { badRatingFollowUp, ordersBySourceAndStage, overdueOrders, type FigureRange } from './figures.js';
