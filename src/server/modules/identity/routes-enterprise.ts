import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { GrantAuthorizationBody, IdParam } from './schemas.js';
import { grantAuthorization, listAuthorizations, revokeAuthorization } from './authorizations.js';

const tags = ['identity-enterprise'];

/** 授权代办: the legal representative, acting for the enterprise, manages who may act for it. */
export const enterpriseRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;
  app.get('/enterprise/authorizations', { schema: { tags, summary: '本企业的代办授权（法定代表人）' } }, async (req) => listAuthorizations(db, req.actor));
  app.post('/enterprise/authorizations', { schema: { tags, summary: '授权他人代表本企业办理全部或部分事项，至某日为止', body: GrantAuthorizationBody } }, async (req, reply) =>
    reply.status(201).send(await grantAuthorization(db, req.actor, req.body, req.ip)),
  );
  app.post('/enterprise/authorizations/:id/revoke', { schema: { tags, summary: '撤销代办授权（即时生效）', params: IdParam } }, async (req) =>
    revokeAuthorization(db, req.actor, req.params.id, req.ip),
  );
};
