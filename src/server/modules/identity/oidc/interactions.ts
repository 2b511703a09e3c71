import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.js';
import { RateLimiter } from '../../../platform/http/rate-limit.js';
import { sendLoginCode, verifyLoginCode, verifyStaffPassword } from '../credentials.js';
import { builtInProvider } from './provider.js';
import { errorPage, loginPage, type LoginPageState } from './pages.js';

/** Login attempts (password or code) per client IP, and per account (login name or phone), and code sends per IP. */
export const loginLimits = {
  perIp: new RateLimiter(30, 60_000),
  perAccount: new RateLimiter(15, 15 * 60_000),
  codeSendsPerIp: new RateLimiter(10, 3600_000),
};

const PasswordForm = z.strictObject({ login: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) });
const PhoneForm = z.strictObject({ phone: z.string().trim().min(1).max(20) });
const CodeForm = z.strictObject({ phone: z.string().trim().min(1).max(20), code: z.string().trim().max(10) });

// The login page may not be framed (clickjacking) nor cached, and needs nothing but its inline style.
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};
const send = (reply: FastifyReply, status: number, html: string) => reply.status(status).headers(PAGE_HEADERS).send(html);
const schema = (summary: string) => ({ schema: { tags: ['identity'], summary, hide: true } });

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;
type Req = FastifyRequest<{ Params: { uid: string }; Body: Record<string, string> }>;

/**
 * The built-in provider's login pages (/oidc/interaction/:uid): staff password and resident phone code. The
 * interaction is bound to the browser by the provider's own cookie, so these forms need no platform CSRF token.
 */
export const interactionRoutes: FastifyPluginAsync = async (app) => {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  /** Loads the interaction and runs one step; business errors re-render the page with the message. */
  const step = (run: (ctx: { provider: Provider; details: Details; page: LoginPageState; req: Req; reply: FastifyReply }) => Promise<unknown>) =>
    async (req: Req, reply: FastifyReply) => {
      const provider = await builtInProvider(app.ctx);
      let details: Details;
      try {
        details = await provider.interactionDetails(req.raw, reply.raw);
      } catch {
        return send(reply, 400, errorPage('登录已超时或已完成，请返回重新登录。'));
      }
      if (details.uid !== req.params.uid) return send(reply, 400, errorPage('登录请求与当前浏览器不一致，请重新登录。'));
      const page: LoginPageState = { uid: details.uid, kind: details.params.login_kind === 'staff' ? 'staff' : 'person' };
      try {
        return await run({ provider, details, page, req, reply });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return send(reply, err.status, loginPage({ ...page, ...echo(req.body), error: err.message }));
      }
    };

  const finish = async (provider: Provider, req: Req, reply: FastifyReply, result: Record<string, unknown>) =>
    reply.redirect(await provider.interactionResult(req.raw, reply.raw, result, { mergeWithLastSubmission: false }), 303);

  app.get('/:uid', schema('登录页'), step(async ({ provider, details, page, req, reply }) => {
    if (details.prompt.name === 'login') return send(reply, 200, loginPage(page));
    // Consent for the first-party web client is implied; the grant normally exists already (loadExistingGrant).
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    return finish(provider, req, reply, { consent: { grantId: await grant.save() } });
  }));

  app.post('/:uid/password', schema('工作人员密码登录'), step(async ({ provider, req, reply }) => {
    const form = parse(PasswordForm, req.body);
    loginLimits.perIp.hit(`login:${req.ip}`);
    loginLimits.perAccount.hit(`login:${form.login}`);
    const user = await verifyStaffPassword(app.ctx.db, { ...form, ip: req.ip });
    return finish(provider, req, reply, { login: { accountId: user.login, amr: ['pwd'] } });
  }));

  app.post('/:uid/otp/send', schema('发送短信验证码'), step(async ({ page, req, reply }) => {
    const form = parse(PhoneForm, req.body);
    loginLimits.codeSendsPerIp.hit(`otp-send:${req.ip}`);
    await sendLoginCode(app.ctx.db, { phone: form.phone, ip: req.ip, demo: app.ctx.config.demo });
    return send(reply, 200, loginPage({ ...page, kind: 'person', phone: form.phone, codeSent: true, info: '如该手机号已登记，验证码已发送，5分钟内有效。' }));
  }));

  app.post('/:uid/otp/verify', schema('短信验证码登录'), step(async ({ provider, page, req, reply }) => {
    const form = parse(CodeForm, req.body);
    loginLimits.perIp.hit(`login:${req.ip}`);
    loginLimits.perAccount.hit(`otp:${form.phone}`);
    try {
      const user = await verifyLoginCode(app.ctx.db, form);
      return await finish(provider, req, reply, { login: { accountId: user.login, amr: ['otp'] } });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return send(reply, err.status, loginPage({ ...page, kind: 'person', phone: form.phone, codeSent: true, error: err.message }));
    }
  }));

  app.post('/:uid/abort', schema('取消登录'), step(async ({ provider, req, reply }) =>
    finish(provider, req, reply, { error: 'access_denied', error_description: '用户取消了登录' }),
  ));
};

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (!r.success) throw new AppError('VALIDATION_FAILED', { detail: '请完整填写表单', field: String(r.error.issues[0]?.path[0] ?? '') });
  return r.data;
}

/** What the page shows again after an error: the login name or phone, never the password or code. */
function echo(body: Record<string, string> | undefined): Partial<LoginPageState> {
  return { login: body?.login?.slice(0, 64), phone: body?.phone?.slice(0, 20) };
}
