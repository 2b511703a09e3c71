import type { Source, Status } from './tables.js';

export const STATUS_LABELS: Record<Status, string> = {
  pending_dispatch: '待派单', pending_sign: '待签收', verifying: '核实', rectifying: '整改', explaining: '解释说明',
  callback: '回访', appealing: '申诉复核', closed: '办结',
};
export const SOURCE_LABELS: Record<Source, string> = {
  bad_rating: '差评', suggestion: '意见建议', cannot_get_done: '办不成事', hotline: '12345热线', manual: '督办任务',
};
export const SOURCES = Object.keys(SOURCE_LABELS) as Source[];
export const STATUSES = Object.keys(STATUS_LABELS) as Status[];
export const OPEN_STATUSES = STATUSES.filter((s) => s !== 'closed');
