import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import type { Executor } from '../../../platform/db/database.js';
import { sha256Hex } from '../../../platform/crypto/digest.js';
import { AppError } from '../../../platform/errors/app-error.js';
import * as repo from '../repository.js';
import { parseDefinition, type ProcessDefinition } from './definition.js';

export const PROCESS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../demo/data/processes');

/**
 * Stores a definition as a new version when its content changed (by digest); unchanged content keeps the
 * current version, so loading the same files twice creates nothing and running cases keep their version.
 */
export async function saveDefinition(db: Executor, doc: unknown): Promise<{ key: string; version: number; created: boolean }> {
  const def = parseDefinition(doc);
  const digest = sha256Hex(JSON.stringify(def));
  const latest = await repo.findLatestDefinition(db, def.key);
  if (latest?.digest === digest) return { key: def.key, version: latest.version, created: false };
  const version = (latest?.version ?? 0) + 1;
  await repo.insertDefinition(db, { key: def.key, version, name: def.name, definition: def, digest });
  return { key: def.key, version, created: true };
}

/** Loads every *.json / *.yaml file of the process folder. */
export async function loadProcessFiles(db: Executor, dir = PROCESS_DIR) {
  const files = (await readdir(dir)).filter((f) => /\.(json|ya?ml)$/.test(f)).sort();
  const out = [];
  for (const f of files) {
    const text = await readFile(path.join(dir, f), 'utf8');
    out.push(await saveDefinition(db, f.endsWith('.json') ? JSON.parse(text) : YAML.parse(text)));
  }
  return out;
}

/** The definition a case runs on: the pinned version, or the latest when a case starts. */
export async function loadDefinition(db: Executor, key: string, version?: number | null): Promise<{ def: ProcessDefinition; version: number }> {
  const pinned = version ? parsed.get(`${key}@${version}`) : undefined;
  if (pinned) return { def: pinned, version: version! };
  const latest = version ? undefined : latestByKey.get(key);
  if (latest && latest.until > Date.now()) return { def: latest.def, version: latest.version };
  const row = version ? await repo.findDefinition(db, key, version) : await repo.findLatestDefinition(db, key);
  if (!row) throw new AppError('PROCESS_DEFINITION_INVALID', { detail: `流程定义 ${key}${version ? ` 第 ${version} 版` : ''} 不存在` });
  let def = parsed.get(`${key}@${row.version}`);
  if (!def) {
    def = parseDefinition(row.definition);
    parsed.set(`${key}@${row.version}`, def);
  }
  if (!version) latestByKey.set(key, { def, version: row.version, until: Date.now() + LATEST_CACHE_MS });
  return { def, version: row.version };
}

/**
 * The latest version of each key, as new cases start on it. New versions appear only when a server (re)loads the
 * process files, so another server copy may start cases on the previous version for up to LATEST_CACHE_MS; a case
 * keeps whichever version it started on, so nothing mixes.
 */
const LATEST_CACHE_MS = 10_000;
const latestByKey = new Map<string, { def: ProcessDefinition; version: number; until: number }>();

/** A stored version never changes, so each (key, version) is parsed once per process. */
const parsed = new Map<string, ProcessDefinition>();
