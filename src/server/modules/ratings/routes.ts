import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RateLimiter } from '../../platform/http/rate-limit.js';
import { requireLogin } from '../../platform/auth/actor.js';
import { ConfigBody, RateBody, RatingListQuery, WindowParams, WindowRateBody } from './schemas.js';
import { rateAsApplicant, rateAtWindow } from './service.js';
import { windowRatingPage } from './kiosk.js';
import { invitationView, ratingView } from './views.js';
import { listRatings, showConfig, updateRatingConfig } from './admin.js';
import * as repo from './repository.js';

// Hall terminals are unauthenticated: bound each device (IP) and each window so nobody can flood a window's figures.
const perIp = new RateLimiter(10, 10 * 60_000);
const perWindow = new RateLimiter(60, 10 * 60_000);

export const ratingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  const tags = ['ratings'];

  app.post('/ratings', { schema: { tags, summary: '申请人评价办件（一事一评）或到窗服务（一次一评）', body: RateBody } }, async (req, reply) => {
    const { caseId, visitId, ...rating } = req.body;
    const r = await rateAsApplicant(db, req.actor, { caseId, visitId }, rating, req.ip);
    return reply.code(201).send(ratingView(r, req.actor));
  });

  app.get('/ratings/invitations', { schema: { tags, summary: '我的待评价（站内评价邀请）' } }, async (req) => {
    requireLogin(req.actor);
    return { items: (await repo.findOpenInvitationsOf(db, req.actor.userId, new Date())).map(invitationView) };
  });

  app.get('/ratings/mine', { schema: { tags, summary: '我的评价记录' } }, async (req) => {
    requireLogin(req.actor);
    return { items: (await repo.findRatingsOfRater(db, req.actor.userId)).map((r) => ratingView(r, req.actor)) };
  });

  app.get('/ratings', { schema: { tags, summary: '评价列表（工作人员，按机构范围）', querystring: RatingListQuery } }, async (req) =>
    listRatings(db, req.actor, req.query));

  app.get('/ratings/windows/:windowId', { schema: { tags, summary: '大厅窗口评价器页面数据（免登录）', params: WindowParams } }, async (req) =>
    windowRatingPage(db, req.params.windowId));

  app.post('/ratings/windows/:windowId', { schema: { tags, summary: '大厅窗口评价器提交评价（免登录，限频，一次一评）', params: WindowParams, body: WindowRateBody } }, async (req, reply) => {
    perIp.hit(`ip:${req.ip}`);
    perWindow.hit(`window:${req.params.windowId}`);
    const r = await rateAtWindow(db, req.actor, req.params.windowId, req.body, req.ip);
    return reply.code(201).send({ id: r.id, level: r.level, realName: r.real_name, ratedAt: r.rated_at.toISOString() });
  });

  app.get('/ratings/config', { schema: { tags, summary: '好差评规则配置' } }, async (req) => showConfig(db, req.actor));

  app.put('/ratings/config', { schema: { tags, summary: '修改好差评规则配置（中心管理员）', body: ConfigBody } }, async (req) =>
    updateRatingConfig(db, req.actor, req.body));
};
