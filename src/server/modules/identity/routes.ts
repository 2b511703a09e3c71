import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ActAsBody, CallbackQuery, DevLoginBody, LoginQuery, SessionResponse } from './schemas.js';
import { actAs, describeMe, devLogin } from './service.js';
import { closeSession } from './sessions.js';
import { RateLimiter } from '../../platform/http/rate-limit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { finishLogin, providerLogoutUrl, startLogin } from './rp.js';
import { errorPage } from './oidc/pages.js';

/** The browser's pending login (authorisation code + PKCE) is bound to this cookie, sent only to the auth routes. */
const LOGIN_COOKIE = 'tb_oidc';
const LOGIN_COOKIE_PATH = '/api/v1/auth';

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

  app.get('/auth/login', { schema: { tags: ['identity'], summary: '统一身份认证登录：跳转到认证服务（授权码 + PKCE）', querystring: LoginQuery } }, async (req, reply) => {
    loginLimiter.hit(`login:${req.ip}`);
    const login = await startLogin(app.ctx, req.query);
    reply.setCookie(LOGIN_COOKIE, login.loginId, { path: LOGIN_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure, maxAge: login.maxAgeSeconds });
    return reply.redirect(login.url, 302);
  });

  app.get('/auth/callback', { schema: { tags: ['identity'], summary: '统一身份认证回调：换取令牌、建立会话并返回原页面', querystring: CallbackQuery } }, async (req, reply) => {
    reply.clearCookie(LOGIN_COOKIE, { path: LOGIN_COOKIE_PATH });
    try {
      const done = await finishLogin(app.ctx, { loginId: req.cookies[LOGIN_COOKIE], callbackUrl: `${app.ctx.config.publicUrl}${req.url}`, ip: req.ip, userAgent: req.headers['user-agent'] });
      if (!done.cancelled) setSessionCookies(reply, done.session, secure);
      return reply.redirect(done.returnTo, 302);
    } catch (err) {
      // A browser lands here: answer with a page it can show, keeping the stable code for scripts.
      if (!(err instanceof AppError)) throw err;
      return reply.status(err.status).header('x-error-code', err.code).type('text/html; charset=utf-8').send(errorPage(err.message));
    }
  });

  app.post('/auth/act-as', { schema: { tags: ['identity'], summary: '切换办事身份：以个人或所代表的企业（法定代表人 / 授权代办）办事', body: ActAsBody } }, async (req) =>
    actAs(app.ctx.db, req.actor, req.body.enterpriseUscc, req.ip),
  );

  app.get('/me', { schema: { tags: ['identity'], summary: '当前登录人信息（本人数据不脱敏）' } }, async (req) => describeMe(app.ctx.db, req.actor));

  app.post('/auth/logout', { schema: { tags: ['identity'], summary: '退出登录' } }, async (req, reply) => {
    if (req.actor.sessionId) await closeSession(app.ctx.db, req.actor.sessionId);
    reply.clearCookie('tb_session', { path: '/' }).clearCookie('tb_csrf', { path: '/' });
    // With an external provider the browser should also end its single sign-on there.
    return { ok: true, providerLogoutUrl: await providerLogoutUrl(app.ctx) };
  });
};
