import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
    const file = path.join(here, name, 'module.ts');
    if (!existsSync(file)) continue;
    // A plain file URL, not a template path: bundler-aware runners (vitest) would otherwise freeze the list of files.
    modules.push((await import(/* @vite-ignore */ pathToFileURL(file).href)).default as TongbanModule);
  }
  return modules;
}
