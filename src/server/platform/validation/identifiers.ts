/**
 * Validation of national identifiers, shared by the server, the kiosk and the forms.
 * Each validator answers { valid, reason } with a Chinese reason so the UI can show it as is.
 */
export interface Verdict {
  valid: boolean;
  reason?: string;
}
const ok: Verdict = { valid: true };
const bad = (reason: string): Verdict => ({ valid: false, reason });

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** 居民身份证号码 per GB 11643-1999: 17 digits, a real birth date, MOD 11-2 check character (upper-case X). */
export function checkIdCard(value: string): Verdict {
  if (typeof value !== 'string' || !/^\d{17}[\dX]$/.test(value)) return bad('应为18位，前17位为数字，末位为数字或大写X');
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return bad('出生日期不是有效日期');
  if (date.getTime() > Date.now()) return bad('出生日期晚于今天');
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(value[i]), 0);
  if (ID_CHECK[sum % 11] !== value[17]) return bad('校验码不正确');
  return ok;
}

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + USCC_CHARSET.indexOf(c) * USCC_WEIGHTS[i], 0);
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** 统一社会信用代码 per GB 32100-2015: 18 characters of the code charset (no I O Z S V), MOD 31 check character. */
export function checkUscc(value: string): Verdict {
  if (typeof value !== 'string' || value.length !== 18) return bad('应为18位');
  if (![...value].every((c) => USCC_CHARSET.includes(c))) return bad('含有不允许的字符（不使用 I、O、Z、S、V，字母须大写）');
  if (!/^\d{6}$/.test(value.slice(2, 8))) return bad('第3至8位应为行政区划代码');
  if (usccCheckChar(value.slice(0, 17)) !== value[17]) return bad('校验码不正确');
  return ok;
}

/** 行政区划代码 (GB/T 2260): six digits with a known province prefix. */
export function checkRegionCode(value: string): Verdict {
  if (typeof value !== 'string' || !/^\d{6}$/.test(value)) return bad('应为6位数字');
  const province = Number(value.slice(0, 2));
  const provinces = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82];
  if (!provinces.includes(province)) return bad('省级代码不存在');
  return ok;
}

/** 事项类型 codes of GB/T 39046 annex A. */
export const ITEM_TYPES: Record<string, string> = {
  '00': '行政权力', '01': '行政许可', '02': '行政处罚', '03': '行政强制', '04': '行政征收', '05': '行政给付',
  '06': '行政检查', '07': '行政确认', '08': '行政奖励', '09': '行政裁决', '10': '其他行政权力', '20': '公共服务',
};

/** 基本编码 (12): 2-digit region prefix + 2-digit item type + 5-char main item + 3-digit sub-item. */
export function checkBasicCode(value: string): Verdict {
  if (typeof value !== 'string' || value.length !== 12) return bad('基本编码应为12位');
  if (!/^\d{2}$/.test(value.slice(0, 2))) return bad('前2位应为数字');
  if (!ITEM_TYPES[value.slice(2, 4)]) return bad('第3至4位事项类型代码不存在');
  if (!/^[0-9A-Z]{5}$/.test(value.slice(4, 9))) return bad('第5至9位主项编码应为5位数字或大写字母');
  if (!/^\d{3}$/.test(value.slice(9))) return bad('末3位子项编码应为数字');
  return ok;
}

/** 实施编码 (31): implementing agency's USCC (18) + 行使层级 (1) + 基本编码 (12). */
export function checkImplementationCode(value: string): Verdict {
  if (typeof value !== 'string' || value.length !== 31) return bad('实施编码应为31位');
  const uscc = checkUscc(value.slice(0, 18));
  if (!uscc.valid) return bad(`前18位实施主体统一社会信用代码${uscc.reason}`);
  if (!/^[1-7]$/.test(value[18])) return bad('第19位行使层级应为1至7');
  const basic = checkBasicCode(value.slice(19));
  return basic.valid ? ok : bad(`后12位${basic.reason}`);
}

/** 业务办理项编码 (33): 实施编码 (31) + 2-digit handling-situation sequence. */
export function checkHandlingCode(value: string): Verdict {
  if (typeof value !== 'string' || value.length !== 33) return bad('业务办理项编码应为33位');
  const impl = checkImplementationCode(value.slice(0, 31));
  if (!impl.valid) return impl;
  if (!/^\d{2}$/.test(value.slice(31)) || value.slice(31) === '00') return bad('末2位办理项序号应为01至99');
  return ok;
}

/** Any of the three GB/T 39554.1 item codes, told apart by length. */
export function checkItemCode(value: string): Verdict {
  if (typeof value !== 'string') return bad('应为字符串');
  if (value.length === 12) return checkBasicCode(value);
  if (value.length === 31) return checkImplementationCode(value);
  if (value.length === 33) return checkHandlingCode(value);
  return bad('事项编码应为12位基本编码、31位实施编码或33位业务办理项编码');
}
