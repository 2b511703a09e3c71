import { hash } from '@node-rs/argon2';
import type { AppContext } from '../../platform/http/module.js';
import agencies from '../../demo/data/agencies.json' with { type: 'json' };
import people from '../../demo/data/people.json' with { type: 'json' };
import { DEMO_STAFF_PASSWORD } from '../../demo/accounts.js';
import type { Role } from '../../platform/auth/actor.js';

/** Loads the demo district's agencies, residents, enterprises and staff (idempotent: skipped when present). */
export async function loadIdentityDemo({ db }: AppContext): Promise<void> {
  const present = await db.selectFrom('agencies').select('id').where('id', '=', 'mh').executeTakeFirst();
  if (present) return;
  const passwordHash = await hash(DEMO_STAFF_PASSWORD);
  await db.transaction().execute(async (tx) => {
    for (const a of agencies) {
      await tx.insertInto('agencies').values({ id: a.id, name: a.name, uscc: a.uscc, region_code: a.regionCode, parent_id: a.parentId, address: '上海市闵行区沪闵路6258号', phone: '021-64121000' }).execute();
    }
    const ids = new Map<string, string>();
    for (const r of people.residents) {
      const u = await tx.insertInto('users').values({ kind: 'person', login: r.login, name: r.name, id_card: r.idCard, phone: r.phone }).returning('id').executeTakeFirstOrThrow();
      ids.set(r.login, u.id);
    }
    for (const e of people.enterprises) {
      const rep = people.residents.find((r) => r.login === e.legalRep)!;
      await tx.insertInto('enterprises').values({ uscc: e.uscc, name: e.name, legal_rep_user_id: ids.get(e.legalRep)!, legal_rep_name: rep.name, region_code: '310112', address: e.address }).execute();
    }
    for (const s of people.staff) {
      const u = await tx.insertInto('users').values({ kind: 'staff', login: s.login, name: s.name, phone: s.phone, agency_id: s.agencyId, password_hash: passwordHash }).returning('id').executeTakeFirstOrThrow();
      for (const role of s.roles) await tx.insertInto('role_grants').values({ user_id: u.id, role: role as Role, agency_id: s.agencyId }).execute();
    }
  });
}
