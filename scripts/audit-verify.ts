// `npm run audit:verify`: seals pending audit records, then walks the SM3 hash chain and reports the first broken link.
import { createDb } from '../src/server/platform/db/database.js';
import { sealAuditChain, verifyAuditChain } from '../src/server/platform/audit/audit.js';
import { connectForScript } from './db-connect.js';

const database = await connectForScript();
const { db } = createDb(database.url, 2);
while ((await sealAuditChain(db)) > 0);
const report = await verifyAuditChain(db);
if (report.firstBroken) {
  console.log(JSON.stringify({ ok: false, ...report }));
  console.error(`审计链断裂 audit chain broken at seq ${report.firstBroken.seq} (id ${report.firstBroken.id}): ${report.firstBroken.reason}`);
} else {
  console.log(JSON.stringify({ ok: true, ...report }));
}
await db.destroy();
await database.stop();
process.exit(report.firstBroken ? 1 : 0);
