import type { TongbanModule } from '../../platform/http/module.js';
import { defineJob } from '../../platform/jobs/worker.js';
import { notificationsRoutes } from './routes.js';
import { deliverSms } from './delivery.js';
import { DELIVER_SMS_QUEUE } from './service.js';
import { createSmsProvider, setSmsProvider } from './sms.js';
import { configureNotifications } from './settings.js';

const notifications: TongbanModule = {
  name: 'notifications',
  routes: notificationsRoutes,
  async start(ctx) {
    configureNotifications({ publicUrl: ctx.config.publicUrl });
    // SMS_PROVIDER names a provider registered with registerSmsProvider (default 'log'); unknown names stop start-up.
    const name = process.env.SMS_PROVIDER || 'log';
    setSmsProvider(createSmsProvider(name, { demo: ctx.config.demo, log: ctx.log, env: process.env }));
    defineJob(DELIVER_SMS_QUEUE, (payload: { messageId: string }, job) => deliverSms(job.db, payload.messageId));
  },
};
export default notifications;
