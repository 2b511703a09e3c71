import type { TongbanModule } from '../../platform/http/module.js';
import { defineJob } from '../../platform/jobs/worker.js';
import { subscribe } from '../../platform/jobs/events.js';
import { ratingRoutes } from './routes.js';
import { inviteForCase, inviteForVisit, type CaseCompleted, type VisitEnded } from './invitations.js';
import { pushRating } from './push.js';
import { PUSH_QUEUE } from './service.js';

// Handlers are registered when the module loads, so every server copy's worker can run them.
subscribe('case.completed', 'ratings.invite', (p: CaseCompleted, job) => inviteForCase(job.db, p));
subscribe('visit.ended', 'ratings.invite', (p: VisitEnded, job) => inviteForVisit(job.db, p));
defineJob(PUSH_QUEUE, pushRating);

const ratings: TongbanModule = { name: 'ratings', routes: ratingRoutes };
export default ratings;
