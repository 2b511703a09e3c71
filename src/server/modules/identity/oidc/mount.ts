import type { IncomingMessage } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import { builtInProvider, OIDC_PATH } from './provider.js';

/**
 * Mounts the built-in OpenID provider (a Koa application) at /oidc: Fastify hands the untouched request over
 * (hijack) so the provider parses its own bodies and writes its own responses. In this scope no body parser runs,
 * because the token endpoint must read its form body from the raw stream.
 */
export const oidcMount: FastifyPluginAsync = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, _payload, done) => done(null));

  // The protocol endpoints are described by /oidc/.well-known/openid-configuration, not by the OpenAPI document.
  app.all('/*', { schema: { tags: ['identity'], summary: '内置 OpenID Connect 认证服务', hide: true } }, async (req, reply) => {
    const provider = await builtInProvider(app.ctx);
    const raw = req.raw as IncomingMessage & { originalUrl?: string };
    // The provider computes its mount path from originalUrl minus url (as under Express).
    raw.originalUrl = raw.url;
    raw.url = raw.url!.slice(OIDC_PATH.length) || '/';
    reply.hijack();
    await provider.callback()(raw, reply.raw);
  });
};
