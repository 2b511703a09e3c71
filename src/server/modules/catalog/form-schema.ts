import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { AppError } from '../../platform/errors/app-error.js';
import { sha256Hex } from '../../platform/crypto/digest.js';
import { checkIdCard, checkUscc } from '../../platform/validation/identifiers.js';

/**
 * The application form (申请表) schemas of the guides: JSON Schema 2020-12 with the standard formats (ajv-formats:
 * date, email, uri …), the identifier formats the guides use (id-card, uscc, mobile — the same set the cases
 * module validates submitted forms with, cases/form.ts) and our annotation keywords x-ui and x-pii.
 *
 * A format Ajv does not know would be silently ignored (and logged as "unknown format … ignored" on every compile):
 * a guide whose 出生日期 is declared with a misspelt format would then accept anything. Here it is an error the editor
 * sees, and nothing is logged. Each distinct schema is compiled once and its validator kept.
 */
export const FORM_FORMATS_EXTRA = ['id-card', 'uscc', 'mobile'] as const;

// Compilation is synchronous, so the warnings of one compile are collected here and read right after it.
let warnings: string[] = [];
const ajv = new Ajv2020({
  strict: false, // x-* and other annotations from other catalogues are allowed and ignored
  allErrors: true,
  logger: { log: () => undefined, warn: (...args: unknown[]) => void warnings.push(args.map(String).join(' ')), error: (...args: unknown[]) => void warnings.push(args.map(String).join(' ')) },
});
addFormats(ajv);
ajv.addFormat('id-card', { type: 'string', validate: (v: string) => checkIdCard(v).valid });
ajv.addFormat('uscc', { type: 'string', validate: (v: string) => checkUscc(v).valid });
ajv.addFormat('mobile', /^1[3-9]\d{9}$/);
ajv.addKeyword({ keyword: 'x-pii' });
ajv.addKeyword({ keyword: 'x-ui' });

const MAX_VALIDATORS = 1_000;
const validators = new Map<string, { schema: object; validate: ValidateFunction }>();

/**
 * The validator of a form schema, compiled on first use. Throws 400 VALIDATION_FAILED (field `form`) when the schema
 * does not compile or names a format that is not known.
 */
export function formValidator(schema: Record<string, unknown>): ValidateFunction {
  const key = sha256Hex(JSON.stringify(schema));
  const known = validators.get(key);
  if (known) return known.validate;
  // $id is dropped: two versions of a form may carry the same $id, which Ajv would refuse as a duplicate.
  const own = { ...schema, $id: undefined };
  warnings = [];
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(own);
  } catch (e) {
    throw invalidForm((e as Error).message);
  }
  const unknownFormat = warnings.find((w) => w.startsWith('unknown format'));
  if (unknownFormat) {
    ajv.removeSchema(own);
    throw invalidForm(unknownFormat.replace(/^unknown format "([^"]*)" ignored in schema at path "([^"]*)".*/s, '未知的格式 "$1"（位置 $2）'));
  }
  validators.set(key, { schema: own, validate });
  if (validators.size > MAX_VALIDATORS) {
    // Forget the oldest, in Ajv too, so a long-running server editing many drafts does not keep every schema.
    const [oldestKey, oldest] = validators.entries().next().value!;
    validators.delete(oldestKey);
    ajv.removeSchema(oldest.schema);
  }
  return validate;
}

const invalidForm = (reason: string) =>
  new AppError('VALIDATION_FAILED', { detail: `申请表 JSON Schema 无效：${reason.slice(0, 300)}`, field: 'form', errors: [{ field: 'form', message: `申请表 JSON Schema 无效：${reason.slice(0, 300)}` }] });

/** How many distinct form schemas this process has compiled and kept (for tests and diagnostics). */
export const compiledFormCount = () => validators.size;
