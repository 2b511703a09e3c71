import type { TongbanModule } from '../../platform/http/module.js';
import { calendarRoutes } from './routes.js';
import { seedCalendar } from './seed.js';

const calendar: TongbanModule = {
  name: 'calendar',
  routes: calendarRoutes,
  /** Not demo data: production needs the official arrangement too, so the seed runs at every start (idempotent). */
  async start(ctx) {
    const seeded = await seedCalendar(ctx.db);
    if (seeded.length) ctx.log(`calendar: seeded ${seeded.join(', ')} from chinese-days`);
  },
};
export default calendar;
