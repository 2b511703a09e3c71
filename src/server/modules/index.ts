import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TongbanModule } from '../platform/http/module.js';

/**
 * The domain modules, in dependency order: start-up and demo data run in this order, and each module's
 * migrations are numbered after those of the modules it depends on (ranges in ARCHITECTURE.md).
 */
export const MODULE_ORDER = [
  'identity',
  'notifications',
  'calendar',
  'catalog',
  'materials',
  'cases',
  'exchange',
  'ratings',
  'workorders',
  'analytics',
] as const;

const here = path.dirname(fileURLToPath(import.meta.url));

export async function loadModules(): Promise<TongbanModule[]> {
  const modules: TongbanModule[] = [];
  for (const name of MODULE_ORDER) {
    if (!existsSync(path.join(here, name, 'module.ts'))) continue;
    modules.push((await import(`./${name}/module.ts`)).default as TongbanModule);
  }
  return modules;
}
