/**
 * Masking of personal data (脱敏) shown to anyone but its owner, and in logs.
 * Formats follow common practice on Chinese government sites: 3101**********123X, 138****5678, 张*.
 */
export function maskIdCard(v: string | null | undefined): string | null {
  if (!v) return v ?? null;
  if (v.length < 8) return '*'.repeat(v.length);
  return v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4);
}

export function maskPhone(v: string | null | undefined): string | null {
  if (!v) return v ?? null;
  if (v.length < 7) return '*'.repeat(v.length);
  return v.slice(0, 3) + '****' + v.slice(-4);
}

export function maskName(v: string | null | undefined): string | null {
  if (!v) return v ?? null;
  const chars = [...v];
  if (chars.length === 1) return '*';
  if (chars.length === 2) return chars[0] + '*';
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

export function maskBankAccount(v: string | null | undefined): string | null {
  if (!v) return v ?? null;
  return v.length <= 8 ? '*'.repeat(v.length) : v.slice(0, 4) + ' **** **** ' + v.slice(-4);
}

export function maskEmail(v: string | null | undefined): string | null {
  if (!v) return v ?? null;
  const [user, domain] = v.split('@');
  return `${user.slice(0, 1)}***@${domain ?? ''}`;
}

const ID_CARD = /\b\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]\b/g;
const PHONE = /\b1[3-9]\d{9}\b/g;

/** Masks identifiers that appear inside free text (log lines, comments). */
export function maskText(text: string): string {
  return text.replace(ID_CARD, (m) => maskIdCard(m)!).replace(PHONE, (m) => maskPhone(m)!);
}

/**
 * Masks the values of a JSON-Schema form by the fields' declared `x-pii` kind (idCard, phone, name, bankAccount),
 * or, where the schema does not say, by recognising ID numbers and mobile numbers in strings.
 */
export function maskFormData(data: unknown, schema?: { properties?: Record<string, { 'x-pii'?: string; properties?: unknown }> }): unknown {
  if (Array.isArray(data)) return data.map((d) => maskFormData(d));
  if (!data || typeof data !== 'object') return typeof data === 'string' ? maskText(data) : data;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    const prop = schema?.properties?.[k];
    const kind = prop?.['x-pii'];
    if (typeof v === 'string' && kind) out[k] = maskers[kind]?.(v) ?? v;
    else out[k] = maskFormData(v, prop as never);
  }
  return out;
}

const maskers: Record<string, (v: string) => string | null> = {
  idCard: maskIdCard,
  phone: maskPhone,
  name: maskName,
  bankAccount: maskBankAccount,
  email: maskEmail,
};
