import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DevLoginBody, SessionResponse } from './schemas.js';
import { describeMe, devLogin } from './service.js';
import { closeSession } from './sessions.js';
import { RateLimiter } from '../../platform/http/rate-limit.js';

const loginLimiter = new RateLimiter(30, 60_000);

/** Sets the browser session: the token in an http-only cookie, the CSRF token in a readable one (double submit). */
export function setSessionCookies(reply: FastifyReply, s: { token: string; csrf: string; expiresAt: Date }, secure: boolean) {
  const base = { path: '/', sameSite: 'lax' as const, secure, expires: s.expiresAt };
  reply.setCookie('tb_session', s.token, { ...base, httpOnly: true });
  reply.setCookie('tb_csrf', s.csrf, { ...base, httpOnly: false });
}

export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
  const secure = app.ctx.config.publicUrl.startsWith('https://');

  app.post('/auth/dev-login', { schema: { tags: ['identity'], summary: '演示登录（仅演示模式）', body: DevLoginBody, response: { 200: SessionResponse } } }, async (req, reply) => {
    loginLimiter.hit(`dev:${req.ip}`);
    const s = await devLogin(app.ctx.db, { ...req.body, demo: app.ctx.config.demo, log: app.ctx.log, ip: req.ip, userAgent: req.headers['user-agent'] });
    setSessionCookies(reply, s, secure);
    return { token: s.token, csrf: s.csrf, expiresAt: s.expiresAt.toISOString() };
  });

  app.get('/me', { schema: { tags: ['identity'], summary: '当前登录人信息（本人数据不脱敏）' } }, async (req) => describeMe(app.ctx.db, req.actor));

  app.post('/auth/logout', { schema: { tags: ['identity'], summary: '退出登录' } }, async (req, reply) => {
    if (req.actor.sessionId) await closeSession(app.ctx.db, req.actor.sessionId);
    reply.clearCookie('tb_session', { path: '/' }).clearCookie('tb_csrf', { path: '/' });
    return { ok: true };
  });
};
