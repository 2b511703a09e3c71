// `npm run migrate`: applies pending SQL migrations to DATABASE_URL (or the embedded database) and exits.
import { connectForScript } from './db-connect.js';

const database = await connectForScript();
console.log('migrations up to date');
await database.stop();
