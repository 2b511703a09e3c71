/**
 * Blank and sample forms as small PDF files, generated from an item's form schema for the demo district (and for
 * any item whose department has not uploaded its own). The text uses the standard Chinese font STSong-Light with
 * the UniGB-UCS2-H encoding, which every PDF reader supplies, so nothing has to be embedded.
 */

interface FormField {
  title: string;
  value: string;
}

type Prop = { type?: string; title?: string; enum?: unknown[]; format?: string; examples?: unknown[]; default?: unknown; 'x-pii'?: string; properties?: Record<string, Prop> };

const SAMPLE_BY_PII: Record<string, string> = { name: '张三', idCard: '310112199001011234（示例）', phone: '13800000000（示例）', bankAccount: '6222 0000 0000 0000（示例）' };

function sampleValue(p: Prop): string {
  if (p.examples?.length) return String(p.examples[0]);
  if (p.default !== undefined) return String(p.default);
  if (p.enum?.length) return String(p.enum[0]);
  if (p['x-pii'] && SAMPLE_BY_PII[p['x-pii']]) return SAMPLE_BY_PII[p['x-pii']];
  if (p.format === 'date') return '2026-01-05';
  if (p.type === 'number' || p.type === 'integer') return '1';
  if (p.type === 'boolean') return '是';
  return '（按实际情况填写）';
}

/** Flattens the schema's fields (one level of nesting) into label/value lines. */
export function formFields(schema: Record<string, unknown>, sample: boolean): FormField[] {
  const out: FormField[] = [];
  const walk = (props: Record<string, Prop> | undefined, prefix: string) => {
    for (const [k, p] of Object.entries(props ?? {})) {
      const title = `${prefix}${p.title ?? k}`;
      if (p.type === 'object' && p.properties) walk(p.properties, `${title} · `);
      else out.push({ title, value: sample ? sampleValue(p) : '' });
    }
  };
  walk(schema.properties as Record<string, Prop> | undefined, '');
  return out;
}

const ucs2Hex = (s: string) => [...s].map((c) => {
  const code = c.codePointAt(0)!;
  return (code > 0xffff ? 0x3000 : code).toString(16).padStart(4, '0');
}).join('');

/** Renders a one-page A4 form: title, subtitle and one ruled line per field (at most 32 fields). */
export function renderFormPdf(title: string, subtitle: string, fields: FormField[]): Buffer {
  const ops: string[] = [];
  const text = (x: number, y: number, size: number, s: string) => ops.push(`BT /F1 ${size} Tf ${x} ${y} Td <${ucs2Hex(s)}> Tj ET`);
  text(Math.max(40, 297 - title.length * 9), 780, 18, title);
  text(Math.max(40, 297 - subtitle.length * 5), 755, 10, subtitle);
  let y = 715;
  for (const f of fields.slice(0, 32)) {
    text(50, y, 11, `${f.title}：`);
    if (f.value) text(230, y, 11, f.value);
    ops.push(`0.5 w 225 ${y - 4} m 545 ${y - 4} l S`);
    y -= 21;
  }
  text(50, Math.max(y - 20, 40), 9, '申请人（签字或盖章）：                      日期：      年    月    日');
  const stream = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
