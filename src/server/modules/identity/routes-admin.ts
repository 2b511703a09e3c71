import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RateLimiter } from '../../platform/http/rate-limit.js';
import { AgencyBody, AgencyParam, AgencyPatch, IdParam, ResidentLookupBody, ResidentRegisterBody, RoleBody, StaffActiveBody, StaffBody, StaffQuery } from './schemas.js';
import { agencyTree, createAgency, listAgencies, updateAgency } from './agencies.js';
import { changeRole, createStaff, listStaff, resetStaffPassword, setStaffActive } from './staff.js';
import { lookupResident, registerResidentAtWindow } from './residents.js';

// Lookups by ID number are personal-data access: bounded per staff member even with a valid role.
const lookupLimiter = new RateLimiter(120, 60_000);
const tags = ['identity-admin'];

/** Administration: agencies, staff accounts and role grants, and the window clerk's resident lookup / registration. */
export const identityAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;

  app.get('/agencies', { schema: { tags, summary: '机构列表（工作人员可见）' } }, async (req) => listAgencies(db, req.actor));
  app.get('/agencies/tree', { schema: { tags, summary: '机构树（区 → 部门 / 街镇 → 下级）' } }, async (req) => ({ items: await agencyTree(db, req.actor) }));
  app.post('/agencies', { schema: { tags, summary: '新建机构（中心管理员）', body: AgencyBody } }, async (req, reply) =>
    reply.status(201).send(await createAgency(db, req.actor, req.body, req.ip)),
  );
  app.patch('/agencies/:id', { schema: { tags, summary: '修改机构（中心管理员）', params: AgencyParam, body: AgencyPatch } }, async (req) =>
    updateAgency(db, req.actor, req.params.id, req.body, req.ip),
  );

  app.get('/admin/staff', { schema: { tags, summary: '工作人员列表（部门管理员看本机构及下级，中心管理员看全部）', querystring: StaffQuery } }, async (req) =>
    listStaff(db, req.actor, req.query.agencyId),
  );
  app.post('/admin/staff', { schema: { tags, summary: '新建工作人员账号，返回一次性初始密码', body: StaffBody } }, async (req, reply) =>
    reply.status(201).send(await createStaff(db, req.actor, req.body, req.ip)),
  );
  app.post('/admin/staff/:id/active', { schema: { tags, summary: '启用或停用工作人员账号（停用即时注销其会话）', params: IdParam, body: StaffActiveBody } }, async (req) =>
    setStaffActive(db, req.actor, req.params.id, req.body.active, req.ip),
  );
  app.post('/admin/staff/:id/reset-password', { schema: { tags, summary: '重置密码，返回一次性临时密码（同时解除锁定）', params: IdParam } }, async (req) =>
    resetStaffPassword(db, req.actor, req.params.id, req.ip),
  );
  app.post('/admin/staff/:id/roles', { schema: { tags, summary: '授予角色（限管理范围内的机构）', params: IdParam, body: RoleBody } }, async (req) =>
    changeRole(db, req.actor, req.params.id, req.body, 'grant', req.ip),
  );
  app.post('/admin/staff/:id/roles/revoke', { schema: { tags, summary: '收回角色', params: IdParam, body: RoleBody } }, async (req) =>
    changeRole(db, req.actor, req.params.id, req.body, 'revoke', req.ip),
  );

  app.post('/residents/lookup', { schema: { tags, summary: '综窗：按身份证号码查找居民账号（脱敏显示）', body: ResidentLookupBody } }, async (req) => {
    lookupLimiter.hit(`lookup:${req.actor.userId ?? req.ip}`);
    return lookupResident(db, req.actor, { idCard: req.body.idCard, ip: req.ip });
  });
  app.post('/residents', { schema: { tags, summary: '综窗：核验身份证后现场登记居民账号', body: ResidentRegisterBody } }, async (req, reply) =>
    reply.status(201).send(await registerResidentAtWindow(db, req.actor, { ...req.body, ip: req.ip })),
  );
};
