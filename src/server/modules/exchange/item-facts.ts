import type { Executor } from '../../platform/db/database.js';
import type { ItemFacts } from './shape.js';

const none: ItemFacts = { handlingCode: null, itemName: null, agencyName: null, agencyUscc: null };

/**
 * The catalog facts of the item version a case runs on. Events that already carry them need no lookup; when the
 * catalog cannot answer, the record goes out without them and the platform's error code shows it in the report.
 */
export async function itemFacts(db: Executor, itemVersionId: unknown, handlingCode?: unknown): Promise<ItemFacts> {
  if (typeof itemVersionId !== 'string' || !itemVersionId) return none;
  try {
    const { getItemVersion } = await import('../catalog/service-contract.js');
    const v = await getItemVersion(db as never, itemVersionId);
    // 业务办理项编码: the situation the applicant chose; an item with a single situation has just one code.
    const situation = v.situations.find((s) => s.handlingCode === handlingCode) ?? (v.situations.length === 1 ? v.situations[0] : undefined);
    return {
      handlingCode: situation?.handlingCode ?? null,
      itemName: v.name,
      agencyName: v.agencyName,
      agencyUscc: v.implementationCode?.length >= 18 ? v.implementationCode.slice(0, 18) : null,
    };
  } catch {
    return none;
  }
}
