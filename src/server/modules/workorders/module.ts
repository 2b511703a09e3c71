import type { TongbanModule } from '../../platform/http/module.js';
import { defineJob } from '../../platform/jobs/worker.js';
import { subscribe } from '../../platform/jobs/events.js';
import { workOrderRoutes } from './routes.js';
import { openOrderForRating, type RatingSubmitted } from './create.js';
import { onStageTimer } from './timers.js';
import { IMPORT_QUEUE, processImport } from './import.js';
import { TIMER_QUEUE } from './stages.js';

subscribe('rating.submitted', 'workorders.open', (p: RatingSubmitted, job) => openOrderForRating(job.db, p));
defineJob(TIMER_QUEUE, onStageTimer);
defineJob(IMPORT_QUEUE, processImport);

const workorders: TongbanModule = { name: 'workorders', routes: workOrderRoutes };
export default workorders;
