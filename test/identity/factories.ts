import type { TestPlatform } from '../harness.js';
import { usccCheckChar } from '../../src/server/platform/validation/identifiers.js';

export const MINWEI = '91310112MA1GB3K724'; // 上海闵味餐饮管理有限公司, legal representative lina
export const HONGQIAO = '91310112MA1GC5L9XM'; // 上海虹桥智造科技有限公司, legal representative chenjie
export const ID = { zhangwei: '31011219850312003X', wangfang: '310104197809210025', liuyang: '31011219620530005X' };

/** A valid 居民身份证号码 for a birth date and sequence (GB 11643 check character computed). */
export function idCard(birth = '19900101', seq = '123'): string {
  const first17 = `310112${birth}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A valid 统一社会信用代码 of a government organ (机关) in the district, from a 9-character body. */
export const agencyUscc = (body: string) => `11310112${body}` + usccCheckChar(`11310112${body}`);

/** A 12-character 基本编码 (行政许可) with the given 5-character main item. */
export const basicCode = (main: string) => `3101${main}001`;

type Body = Record<string, unknown>;
/** Requests with a bearer token from a dev login, optionally acting for an enterprise. */
export async function loginAs(t: TestPlatform, login: string, enterpriseUscc?: string) {
  const res = await t.anon.post('/api/v1/auth/dev-login', { login, ...(enterpriseUscc ? { enterpriseUscc } : {}) });
  if (res.statusCode !== 200) throw new Error(`dev login ${login} failed: ${res.statusCode} ${res.body}`);
  const auth = { authorization: `Bearer ${res.json().token}` };
  return {
    get: (url: string) => t.anon.get(url, auth),
    post: (url: string, body: Body = {}) => t.anon.post(url, body, auth),
    patch: (url: string, body: Body = {}) => t.anon.patch(url, body, auth),
  };
}

/** A shanghai day string `days` from today. */
export const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
