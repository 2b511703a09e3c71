import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import compress from '@fastify/compress';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { anonymous } from '../auth/actor.js';
import { AppError } from '../errors/app-error.js';
import { problemOf, sendProblem, toProblem } from '../errors/problem.js';
import type { AppContext, TongbanModule } from './module.js';
import { platformRoutes } from './platform-routes.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const WEB_DIR = path.resolve('dist/web');

/** Builds the HTTP application: platform plumbing, then each module's routes under /api/v1, then the web app. */
export async function buildApp(ctx: AppContext, modules: TongbanModule[]): Promise<FastifyInstance> {
  const app = Fastify({
    logger: ctx.config.logLevel === 'silent' ? false : { level: ctx.config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.trustProxy,
    ajv: { customOptions: { removeAdditional: false } },
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);
  app.decorateRequest('actor', null as never);

  app.setErrorHandler((err, request, reply) => {
    const problem = toProblem(err, request);
    if (problem.status >= 500) request.log.error({ err }, 'unhandled error');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith('/api/') && request.method === 'GET' && existsSync(path.join(WEB_DIR, 'index.html'))) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html', WEB_DIR);
    }
    return sendProblem(reply, problemOf('ROUTE_NOT_FOUND', `接口 ${request.method} ${request.url.split('?')[0]} 不存在`));
  });

  await app.register(cookie);
  await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip', 'deflate'] });
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1, fields: 20, fieldSize: 64 * 1024 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tongban 通办 API', version: '1.0.0', description: '区级政务服务平台接口。错误统一为 RFC 9457 problem+json，含稳定错误码 code、中文说明 detail 与字段 field。' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    for (const m of modules) {
      if (!m.authenticate) continue;
      const auth = await m.authenticate(request, ctx);
      if (auth) {
        request.actor = auth.actor;
        request.authVia = auth.via;
        break;
      }
    }
    // Double-submit CSRF check for browser sessions: the header must repeat the tb_csrf cookie.
    if (request.authVia === 'cookie' && UNSAFE.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      const cookieValue = request.cookies.tb_csrf;
      if (!cookieValue || header !== cookieValue) throw new AppError('CSRF_FAILED');
    }
  });

  await app.register(platformRoutes, { prefix: '/api' });
  for (const m of modules) {
    if (m.routes) await app.register(m.routes, { prefix: '/api/v1' });
  }

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (existsSync(WEB_DIR)) {
    await app.register(fastifyStatic, { root: WEB_DIR, prefix: '/', wildcard: false, index: ['index.html'], maxAge: '1h' });
  }
  return app;
}
