import { loadConfig } from '../src/server/config.js';
import { resolveDatabase } from '../src/server/platform/boot.js';
import { migrate } from '../src/server/platform/db/migrate.js';

/** The database a maintenance script works on: DATABASE_URL, or the embedded server of the data folder. */
export async function connectForScript() {
  const config = loadConfig();
  const database = await resolveDatabase(config, (m) => console.error(`[tongban] ${m}`));
  await migrate(database.url);
  return database;
}
