/**
 * The database interface Kysely is typed with. Each module adds its own tables by declaration merging
 * in its `tables.ts` (`declare module '…/platform/db/types.js' { interface Database { … } }`), so the
 * modules own their tables and no central file lists them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}
