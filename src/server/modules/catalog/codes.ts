import { AppError } from '../../platform/errors/app-error.js';
import { checkBasicCode, checkHandlingCode, checkImplementationCode, ITEM_TYPES } from '../../platform/validation/identifiers.js';

/** Item codes of GB/T 39554.1: 基本编码 (12), 实施编码 (31) and 业务办理项编码 (33, one per situation). */
export interface ItemCodes {
  basicCode: string;
  implementationCode: string;
}
export interface CodeWarning {
  field: string;
  value: string;
  reason: string;
}

const invalid = (field: string, reason: string) => new AppError('INVALID_ITEM_CODE', { detail: `事项编码不正确：${reason}`, field });

/**
 * Builds and strictly checks the codes of a new item from its parts. The region prefix is the province part of the
 * agency's region code ('31' for Shanghai); the implementation code starts with the implementing agency's USCC.
 */
export function buildItemCodes(parts: { regionCode: string; agencyUscc: string; itemType: string; mainCode: string; subCode: string; level: string }): ItemCodes {
  if (!ITEM_TYPES[parts.itemType]) throw invalid('itemType', `事项类型代码 ${parts.itemType} 不存在（GB/T 39046 附录A）`);
  if (!/^[0-9A-Z]{5}$/.test(parts.mainCode)) throw invalid('mainCode', '主项编码应为5位数字或大写字母');
  if (!/^\d{3}$/.test(parts.subCode)) throw invalid('subCode', '子项编码应为3位数字，无子项时为000');
  if (!/^[1-7]$/.test(parts.level)) throw invalid('level', '行使层级应为1至7');
  const basicCode = `${parts.regionCode.slice(0, 2)}${parts.itemType}${parts.mainCode}${parts.subCode}`;
  const basic = checkBasicCode(basicCode);
  if (!basic.valid) throw invalid('mainCode', basic.reason!);
  const implementationCode = `${parts.agencyUscc}${parts.level}${basicCode}`;
  const impl = checkImplementationCode(implementationCode);
  if (!impl.valid) throw invalid('agencyId', `实施编码${impl.reason}`);
  return { basicCode, implementationCode };
}

/** 业务办理项编码 = 实施编码 + two-digit situation sequence. */
export const handlingCodeOf = (implementationCode: string, seq: string) => `${implementationCode}${seq}`;

/**
 * Checks codes that come from another system. Older (GB/T 39046's shorter lengths) and provincial formats are
 * common in imports, so a failing code is kept as given and reported as a warning instead of refused.
 */
export function reviewImportedCodes(input: { basicCode: string; implementationCode: string; agencyUscc: string; handlingCodes?: Record<string, string> }): CodeWarning[] {
  const warnings: CodeWarning[] = [];
  const basic = checkBasicCode(input.basicCode);
  if (!basic.valid) warnings.push({ field: 'basicCode', value: input.basicCode, reason: `不符合 GB/T 39554.1：${basic.reason}` });
  const impl = checkImplementationCode(input.implementationCode);
  if (!impl.valid) warnings.push({ field: 'implementationCode', value: input.implementationCode, reason: `不符合 GB/T 39554.1：${impl.reason}` });
  else {
    if (!input.implementationCode.startsWith(input.agencyUscc)) {
      warnings.push({ field: 'implementationCode', value: input.implementationCode, reason: '实施编码前18位与实施主体的统一社会信用代码不一致' });
    }
    if (basic.valid && !input.implementationCode.endsWith(input.basicCode)) {
      warnings.push({ field: 'implementationCode', value: input.implementationCode, reason: '实施编码后12位与基本编码不一致' });
    }
  }
  for (const [seq, code] of Object.entries(input.handlingCodes ?? {})) {
    const v = checkHandlingCode(code);
    if (!v.valid) warnings.push({ field: `handlingCodes.${seq}`, value: code, reason: `不符合 GB/T 39554.1：${v.reason}` });
  }
  return warnings;
}
