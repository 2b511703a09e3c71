import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { emit, note, startBenchPlatform, type BenchContext, type BenchPlatform, type BenchSuite } from './lib.js';

/**
 * `npm run bench [suite…]`: runs the named suites (all when none is named) and prints one JSON object per line.
 * Suites are the files in bench/suites/; adding one is adding a file.
 */
const here = path.dirname(fileURLToPath(import.meta.url));

async function loadSuites(): Promise<BenchSuite[]> {
  const dir = path.join(here, 'suites');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  const suites: BenchSuite[] = [];
  for (const f of files) suites.push((await import(pathToFileURL(path.join(dir, f)).href)).default as BenchSuite);
  return suites;
}

async function main() {
  const all = await loadSuites();
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !all.some((s) => s.name === w));
  if (unknown.length) {
    note(`unknown suite(s): ${unknown.join(', ')}; available: ${all.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  const suites = wanted.length ? all.filter((s) => wanted.includes(s.name)) : all;

  let started: (BenchPlatform & { stop: () => Promise<void> }) | null = null;
  let starting: Promise<BenchPlatform & { stop: () => Promise<void> }> | null = null;
  const ctx: BenchContext = {
    platform: () => (starting ??= startBenchPlatform().then((p) => (started = p))),
    emit,
    note,
  };
  let failed = false;
  try {
    for (const s of suites) {
      note(`suite ${s.name}: ${s.description}`);
      try {
        await s.run(ctx);
      } catch (err) {
        failed = true;
        note(`suite ${s.name} failed: ${(err as Error).stack ?? err}`);
      }
    }
  } finally {
    await (started as (BenchPlatform & { stop: () => Promise<void> }) | null)?.stop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  note(String((err as Error).stack ?? err));
  process.exit(1);
});
