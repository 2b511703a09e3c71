import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RateLimiter } from '../../platform/http/rate-limit.js';
import * as s from './schemas.js';
import { addWorkingDays, workingDaysBetween } from './service.js';
import { importYear, listDays, listYears, removeDay, setDay } from './service-admin.js';

const TAGS = ['calendar'];
/** The arithmetic endpoints are public (the portal shows expected completion dates): bound abuse per client. */
const publicLimiter = new RateLimiter(600, 60_000);

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;

  app.get('/calendar/add-working-days', {
    schema: { tags: TAGS, summary: '计算起算日后满 N 个工作日的日期（起算日不计入）', querystring: s.AddWorkingDaysQuery, response: { 200: s.AddWorkingDaysResponse } },
  }, async (req) => {
    publicLimiter.hit(req.ip);
    return { date: await addWorkingDays(db, req.query.from, req.query.days) };
  });

  app.get('/calendar/working-days', {
    schema: { tags: TAGS, summary: '计算两日期之间的工作日数（from 之后至 to，含 to）', querystring: s.WorkingDaysQuery, response: { 200: s.WorkingDaysResponse } },
  }, async (req) => {
    publicLimiter.hit(req.ip);
    return { days: await workingDaysBetween(db, req.query.from, req.query.to) };
  });

  app.get('/calendar/years', { schema: { tags: TAGS, summary: '已录入节假日安排的年份（日历覆盖范围）', response: { 200: s.YearsResponse } } }, async () => listYears(db));

  app.get('/calendar/days', {
    schema: { tags: TAGS, summary: '某年的节假日与调休上班日', querystring: s.YearQuery, response: { 200: s.YearDaysResponse } },
  }, async (req) => listDays(db, req.query.year));

  app.put('/calendar/days/:date', {
    schema: { tags: TAGS, summary: '新增或修改一个节假日/调休上班日（中心管理员）', security: [{ bearer: [] }], params: s.DateParams, body: s.SetDayBody, response: { 200: s.DayView } },
  }, async (req) => setDay(db, req.actor, { date: req.params.date, ...req.body }));

  app.delete('/calendar/days/:date', {
    schema: { tags: TAGS, summary: '删除一个特殊日期，恢复默认（中心管理员）', security: [{ bearer: [] }], params: s.DateParams },
  }, async (req) => {
    await removeDay(db, req.actor, req.params.date);
    return { ok: true };
  });

  app.put('/calendar/years/:year', {
    schema: { tags: TAGS, summary: '按通知导入一年的节假日安排，整体替换（中心管理员）', security: [{ bearer: [] }], params: s.YearParams, body: s.ImportYearBody, response: { 200: s.YearDaysResponse } },
  }, async (req) => importYear(db, req.actor, req.params.year, req.body));
};
