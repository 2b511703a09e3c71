import type { Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { checkRegionCode, checkUscc } from '../../platform/validation/identifiers.js';
import * as repo from './repository.js';
import * as adminRepo from './repository-admin.js';
import { identityPolicy } from './policy.js';
import { agencyDescendants, forgetAgencyTree } from './sessions.js';

type AgencyRow = Awaited<ReturnType<typeof repo.findAgencies>>[number];
export interface AgencyView {
  id: string; name: string; shortName: string | null; uscc: string; regionCode: string; parentId: string | null;
  nature: string; address: string | null; phone: string | null;
}
const view = (a: AgencyRow): AgencyView => ({
  id: a.id, name: a.name, shortName: a.short_name, uscc: a.uscc, regionCode: a.region_code, parentId: a.parent_id,
  nature: a.nature, address: a.address, phone: a.phone,
});

export async function listAgencies(db: Db, actor: Actor) {
  identityPolicy.require(actor, 'agency.read');
  return { items: (await repo.findAgencies(db)).map(view) };
}

type TreeNode = AgencyView & { children: TreeNode[] };
/** The agency hierarchy as nested nodes (区 → 部门/街镇 → 下属机构), for pickers and the admin console. */
export async function agencyTree(db: Db, actor: Actor): Promise<TreeNode[]> {
  const { items } = await listAgencies(db, actor);
  const nodes = new Map(items.map((a) => [a.id, { ...a, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const n of nodes.values()) (n.parentId && nodes.get(n.parentId) ? nodes.get(n.parentId)!.children : roots).push(n);
  return roots;
}

export interface AgencyInput {
  id: string; name: string; shortName?: string | null; uscc: string; regionCode: string; parentId: string;
  nature?: string; address?: string | null; phone?: string | null;
}

function checkCodes(input: { uscc?: string; regionCode?: string }) {
  if (input.uscc !== undefined) {
    const v = checkUscc(input.uscc);
    if (!v.valid) throw new AppError('INVALID_USCC', { field: 'uscc', detail: `统一社会信用代码不正确：${v.reason}` });
  }
  if (input.regionCode !== undefined) {
    const v = checkRegionCode(input.regionCode);
    if (!v.valid) throw new AppError('INVALID_REGION_CODE', { field: 'regionCode', detail: `行政区划代码不正确：${v.reason}` });
  }
}

export async function createAgency(db: Db, actor: Actor, input: AgencyInput, ip?: string | null) {
  identityPolicy.require(actor, 'agency.manage');
  checkCodes(input);
  if (!(await adminRepo.findAgencyById(db, input.parentId))) throw new AppError('NOT_FOUND', { field: 'parentId', detail: '上级机构不存在' });
  const created = await db.transaction().execute(async (tx) => {
    if (await adminRepo.findAgencyByIdOrUscc(tx, input.id, input.uscc)) throw new AppError('AGENCY_EXISTS');
    const row = await adminRepo.insertAgency(tx, {
      id: input.id, name: input.name, short_name: input.shortName ?? null, uscc: input.uscc, region_code: input.regionCode,
      parent_id: input.parentId, nature: input.nature ?? '机关', address: input.address ?? null, phone: input.phone ?? null,
    });
    await recordAudit(tx, actor, { action: 'identity.agency_created', targetType: 'agency', targetId: row.id, agencyId: row.id, detail: { name: row.name, parentId: row.parent_id }, ip });
    return row;
  });
  forgetAgencyTree();
  return view(created);
}

export type AgencyChanges = Partial<Pick<AgencyInput, 'name' | 'shortName' | 'parentId' | 'nature' | 'address' | 'phone'>>;

export async function updateAgency(db: Db, actor: Actor, id: string, changes: AgencyChanges, ip?: string | null) {
  identityPolicy.require(actor, 'agency.manage');
  const current = await adminRepo.findAgencyById(db, id);
  if (!current) throw notFound('机构');
  if (changes.parentId !== undefined) {
    if (!(await adminRepo.findAgencyById(db, changes.parentId))) throw new AppError('NOT_FOUND', { field: 'parentId', detail: '上级机构不存在' });
    forgetAgencyTree();
    // Moving an agency under itself or one of its own sub-agencies would cut it off from the tree.
    if ((await agencyDescendants(db))[id]?.includes(changes.parentId)) throw new AppError('AGENCY_CYCLE', { field: 'parentId' });
  }
  const updated = await db.transaction().execute(async (tx) => {
    const row = await adminRepo.updateAgency(tx, id, {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.shortName !== undefined && { short_name: changes.shortName }),
      ...(changes.parentId !== undefined && { parent_id: changes.parentId }),
      ...(changes.nature !== undefined && { nature: changes.nature }),
      ...(changes.address !== undefined && { address: changes.address }),
      ...(changes.phone !== undefined && { phone: changes.phone }),
    });
    await recordAudit(tx, actor, { action: 'identity.agency_updated', targetType: 'agency', targetId: id, agencyId: id, detail: { changes }, ip });
    return row;
  });
  forgetAgencyTree();
  return view(updated);
}
