import type { Executor } from '../../platform/db/database.js';
import type { MaterialUploadsTable } from './tables.js';
import './tables.js';
import type { Insertable } from 'kysely';

export const insertUpload = (db: Executor, row: Insertable<MaterialUploadsTable>) =>
  db.insertInto('material_uploads').values(row).returningAll().executeTakeFirstOrThrow();

export const findUploadById = (db: Executor, id: string) => db.selectFrom('material_uploads').selectAll().where('id', '=', id).executeTakeFirst();

/** Uploads by id, optionally only those the user owns or that were scanned on the user's behalf. */
export const findUploadsByIds = (db: Executor, ids: string[], ownerUserId: string | null) => {
  let q = db.selectFrom('material_uploads').selectAll().where('id', 'in', ids);
  if (ownerUserId) q = q.where((eb) => eb.or([eb('owner_user_id', '=', ownerUserId), eb('on_behalf_of_user_id', '=', ownerUserId)]));
  return q.execute();
};

/** Agencies whose staff may see the upload because a case of theirs uses it. */
export const findLinkedAgencies = async (db: Executor, uploadId: string): Promise<string[]> => {
  const rows = await db.selectFrom('material_upload_links').select('agency_ids').where('upload_id', '=', uploadId).execute();
  return [...new Set(rows.flatMap((r) => r.agency_ids))];
};

export const upsertUploadLink = (db: Executor, uploadId: string, caseId: string, agencyIds: string[]) =>
  db
    .insertInto('material_upload_links')
    .values({ upload_id: uploadId, case_id: caseId, agency_ids: agencyIds })
    .onConflict((oc) => oc.columns(['upload_id', 'case_id']).doUpdateSet({ agency_ids: agencyIds }))
    .execute();

/** A person's materials library: what they uploaded themselves or a clerk scanned for them, newest first. */
export const findUploadsOfUser = (db: Executor, userId: string, opts: { limit: number; offset: number }) =>
  db
    .selectFrom('material_uploads as u')
    .select((eb) => [
      'u.id', 'u.file_name', 'u.mime', 'u.ext', 'u.size', 'u.sha256', 'u.sm3', 'u.owner_user_id', 'u.on_behalf_of_user_id',
      'u.enterprise_id', 'u.item_version_id', 'u.material_id', 'u.created_at',
      eb.selectFrom('material_upload_links as l').select((e) => e.fn.countAll<number>().as('n')).whereRef('l.upload_id', '=', 'u.id').as('used_in_cases'),
    ])
    .where((eb) => eb.or([eb('u.owner_user_id', '=', userId), eb('u.on_behalf_of_user_id', '=', userId)]))
    .orderBy('u.created_at', 'desc')
    .orderBy('u.id', 'desc')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();

export const countUploadsOfUser = async (db: Executor, userId: string) => {
  const r = await db
    .selectFrom('material_uploads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('owner_user_id', '=', userId), eb('on_behalf_of_user_id', '=', userId)]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
};
