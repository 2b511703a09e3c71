import type { ErrorObject } from 'ajv';
import { AppError, type FieldProblem } from '../../platform/errors/app-error.js';
// One Ajv set-up (formats id-card/uscc/mobile, x-ui/x-pii keywords, bounded compile cache) serves the catalog's
// form editor and the submissions checked here.
import { formValidator } from '../catalog/service-contract.js';

function fieldOf(e: ErrorObject): string {
  const parts = e.instancePath.split('/').filter(Boolean);
  if (e.keyword === 'required') parts.push(String(e.params.missingProperty));
  if (e.keyword === 'additionalProperties') parts.push(String(e.params.additionalProperty));
  return ['formData', ...parts].join('.');
}

function titleOf(schema: Record<string, unknown>, field: string): string | null {
  let node: any = schema;
  for (const p of field.split('.').slice(1)) node = node?.properties?.[p] ?? node?.items;
  return typeof node?.title === 'string' ? node.title : null;
}

function messageOf(e: ErrorObject, title: string | null): string {
  const name = title ? `「${title}」` : '该项';
  switch (e.keyword) {
    case 'required': return `${name}为必填项`;
    case 'type': return `${name}类型不正确`;
    case 'format': return ({ 'id-card': `${name}不是有效的居民身份证号码`, uscc: `${name}不是有效的统一社会信用代码`, mobile: `${name}不是有效的手机号码`, email: `${name}不是有效的电子邮箱`, date: `${name}应为 YYYY-MM-DD 日期` } as Record<string, string>)[String(e.params.format)] ?? `${name}格式不正确`;
    case 'minLength': return `${name}至少 ${e.params.limit} 个字符`;
    case 'maxLength': return `${name}最多 ${e.params.limit} 个字符`;
    case 'minimum': return `${name}不能小于 ${e.params.limit}`;
    case 'maximum': return `${name}不能大于 ${e.params.limit}`;
    case 'enum': return `${name}不在可选范围内`;
    case 'pattern': return `${name}格式不正确`;
    case 'additionalProperties': return '表单中包含未定义的字段';
    case 'minItems': return `${name}至少填写 ${e.params.limit} 项`;
    default: return `${name}不符合要求`;
  }
}

/** Validates form data against the item's JSON Schema (2020-12) and throws 422 FORM_INVALID with one problem per field. */
export function validateForm(schema: Record<string, unknown>, data: unknown): void {
  const validate = formValidator(schema);
  if (validate(data)) return;
  const seen = new Set<string>();
  const errors: FieldProblem[] = [];
  for (const e of validate.errors ?? []) {
    const field = fieldOf(e);
    if (seen.has(field)) continue; // one message per field is what a form can show
    seen.add(field);
    errors.push({ field, message: messageOf(e, titleOf(schema, field)) });
  }
  throw new AppError('FORM_INVALID', { detail: `申请表有 ${errors.length} 处需要修改`, errors });
}

/** The top-level form fields marked personal (x-pii), for masking and for recording who saw them unmasked. */
export function piiFields(schema: Record<string, unknown>): string[] {
  const props = (schema.properties ?? {}) as Record<string, { 'x-pii'?: string }>;
  return Object.entries(props).filter(([, p]) => p?.['x-pii']).map(([k]) => k);
}
