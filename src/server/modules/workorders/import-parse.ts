import type { RowError } from './tables.js';

/** One 12345 ticket as read from a file, before validation. */
export type RawTicket = Record<string, unknown>;

/** A validated ticket, ready to be written. */
export interface Ticket {
  row: number; ticketNo: string; calledAt: string; category: string; agencyId: string; title: string; content: string;
  contactName: string | null; contactPhone: string | null; place: string | null;
}

/** A valid ticket with its due date (ISO instant), as stored in the import chunks for the import job. */
export type DueTicket = Ticket & { dueAt: string };

/** Header names accepted in files exported from the 12345 system (Chinese) or written by hand (English). */
const HEADERS: Record<string, keyof Omit<Ticket, 'row'>> = {
  工单编号: 'ticketNo', ticketno: 'ticketNo', 来电时间: 'calledAt', 受理时间: 'calledAt', calledat: 'calledAt',
  诉求类型: 'category', category: 'category', 承办单位: 'agencyId', handlingunit: 'agencyId', agency: 'agencyId', agencyid: 'agencyId',
  标题: 'title', title: 'title', 诉求内容: 'content', content: 'content', 诉求人: 'contactName', contactname: 'contactName',
  联系电话: 'contactPhone', contactphone: 'contactPhone', 诉求地址: 'place', place: 'place',
};
export const fieldOf = (header: string) => HEADERS[header.trim().replace(/^\uFEFF/, '').toLowerCase()] ?? HEADERS[header.trim()];

const PLAIN = /[^,\r\n"]+/y; // a run of characters with no meaning to CSV

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF; a UTF-8 BOM is ignored.
 * Ordinary text is taken a run at a time (sticky regex, indexOf inside quotes): a 100,000-row 12345 export would
 * otherwise be walked and concatenated one character at a time.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  let i = 0;
  while (i < s.length) {
    if (quoted) {
      const q = s.indexOf('"', i);
      if (q < 0) throw new Error('引号未闭合');
      field += s.slice(i, q);
      if (s[q + 1] === '"') { field += '"'; i = q + 2; } else { quoted = false; i = q + 1; }
      continue;
    }
    const c = s[i];
    if (c === '"') { if (field === '') quoted = true; else field += c; i++; }
    else if (c === ',') { row.push(field); field = ''; i++; }
    else if (c === '\n' || c === '\r') {
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else {
      PLAIN.lastIndex = i;
      PLAIN.test(s);
      field += s.slice(i, PLAIN.lastIndex);
      i = PLAIN.lastIndex;
    }
  }
  if (quoted) throw new Error('引号未闭合');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** File text → raw tickets keyed by field name; throws with a Chinese message when the file itself is unusable. */
export function readTickets(text: string, format: 'csv' | 'json'): RawTicket[] {
  if (text.includes('\u0000')) throw new Error('文件含有空字符，可能不是文本文件');
  if (format === 'json') {
    let data: unknown;
    try { data = JSON.parse(text.replace(/^\uFEFF/, '')); } catch { throw new Error('JSON 无法解析'); }
    const list = Array.isArray(data) ? data : (data as { tickets?: unknown })?.tickets;
    if (!Array.isArray(list)) throw new Error('JSON 应为工单数组，或含 tickets 数组的对象');
    return list.map((x) => Object.fromEntries(Object.entries((x ?? {}) as object).map(([k, v]) => [fieldOf(k) ?? k, v])));
  }
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('文件为空');
  const fields = header.map(fieldOf);
  if (!fields.includes('ticketNo')) throw new Error('缺少"工单编号"列');
  return rows.map((cells) => Object.fromEntries(fields.map((f, i) => [f ?? `_${i}`, cells[i]])));
}

const CATEGORY_NAMES: Record<string, string> = {
  咨询: 'consult', 求助: 'help', 投诉: 'complaint', 建议: 'suggestion', 意见建议: 'suggestion', 热线督办: 'supervise', 督办: 'supervise',
  回访复核: 'recheck', 复核: 'recheck', 复杂事项: 'complex',
};
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** 'YYYY-MM-DD HH:mm[:ss]' (Shanghai time, as 12345 exports it) or ISO 8601 with an offset. */
export function parseCallTime(v: string): Date | null {
  const local = /^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v.trim());
  const d = local ? new Date(`${local[1]}-${local[2]}-${local[3]}T${local[4]}:${local[5]}:${local[6] ?? '00'}+08:00`) : /[zZ]|[+-]\d{2}:?\d{2}$/.test(v) ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

// Control characters (NUL above all, which PostgreSQL refuses) never belong in a ticket: dropped on reading.
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').trim());

/**
 * Validates one ticket. agencies maps ids and names (full and short) to agency ids; categories are the configured ones.
 */
export function validateTicket(raw: RawTicket, row: number, agencies: Map<string, string>, categories: Set<string>): { ticket?: Ticket; errors: RowError[] } {
  const errors: RowError[] = [];
  const ticketNo = str(raw.ticketNo);
  const err = (field: string, message: string) => errors.push({ row, ticketNo: ticketNo || undefined, field, message });
  if (!/^[A-Za-z0-9-]{4,40}$/.test(ticketNo)) err('ticketNo', '工单编号缺失或格式不正确（4–40位字母、数字或-）');
  const calledAt = parseCallTime(str(raw.calledAt));
  if (!calledAt) err('calledAt', '来电时间缺失或格式不正确（YYYY-MM-DD HH:mm）');
  else if (calledAt.getTime() > Date.now() + 3_600_000) err('calledAt', '来电时间不能晚于当前时间');
  const catRaw = str(raw.category);
  const category = CATEGORY_NAMES[catRaw] ?? catRaw;
  if (!categories.has(category)) err('category', `诉求类型「${catRaw}」不在配置中（咨询/求助/投诉/建议/热线督办/回访复核/复杂事项）`);
  const unit = str(raw.agencyId);
  const agencyId = agencies.get(unit);
  if (!agencyId) err('agencyId', unit ? `承办单位「${unit}」不存在` : '承办单位缺失');
  const content = str(raw.content);
  if (!content) err('content', '诉求内容缺失');
  else if (content.length > 4000) err('content', '诉求内容超过4000字');
  const phone = str(raw.contactPhone) || null;
  if (phone && !PHONE.test(phone)) err('contactPhone', '联系电话格式不正确');
  if (errors.length) return { errors };
  const title = str(raw.title) || content.slice(0, 30);
  return {
    errors,
    ticket: { row, ticketNo, calledAt: calledAt!.toISOString(), category, agencyId: agencyId!, title: title.slice(0, 200), content,
      contactName: str(raw.contactName).slice(0, 50) || null, contactPhone: phone, place: str(raw.place).slice(0, 200) || null },
  };
}
