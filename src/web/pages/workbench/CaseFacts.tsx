import { Card, Descriptions, Empty, Tag, Timeline } from 'antd';
import type { StaffCase } from '../../api/staff.ts';
import { DeadlineTag } from '../../components/staff/DeadlineTag.tsx';
import { useAgencies } from '../../components/staff/useAgencies.ts';
import { formatDateTime } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { wbMessages } from '../../i18n/workbench.ts';

/** Summary of the case: applicant (masked as the API returns it), item, times, limits and deadline. */
export function CaseBasics({ c }: { c: StaffCase }) {
  const t = useT(wbMessages);
  const { lang } = useLang();
  const { nameOf } = useAgencies();
  const unit = (u: string) => t(u === 'natural' ? 'natural' : 'working');
  const limits = [c.limits.committed && t('committed', { n: c.limits.committed.days, unit: unit(c.limits.committed.unit) }), c.limits.legal && t('legal', { n: c.limits.legal.days, unit: unit(c.limits.legal.unit) }), c.limits.extendedDays ? t('extended', { n: c.limits.extendedDays }) : null].filter(Boolean).join('；');
  return (
    <Card title={t('basics')} size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('item')}>{c.item.name}</Descriptions.Item>
        <Descriptions.Item label={t('agency')}>{nameOf(c.agencyId)}</Descriptions.Item>
        <Descriptions.Item label={t('applicant')}>{c.applicant.name}</Descriptions.Item>
        <Descriptions.Item label={t('idNo')}>{c.applicant.idNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('phone')}>{c.applicant.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('channel')}>{c.channel.kind}{c.channel.windowId ? ` · ${c.channel.windowId}` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('submittedAt')}>{formatDateTime(c.times.submittedAt, lang) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('acceptedAt')}>{formatDateTime(c.times.acceptedAt, lang) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('limits')}>{limits || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('deadline')}>{c.deadline ? <DeadlineTag colour={c.deadline.colour} at={c.deadline.at} /> : '—'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** Flattens nested form data to label → value rows, using the titles of the item's form schema. */
export function flattenForm(data: Record<string, unknown>, schema: Record<string, unknown> | null, prefix = ''): { key: string; label: string; value: string }[] {
  const props = ((schema?.properties as Record<string, Record<string, unknown>>) ?? {});
  const out: { key: string; label: string; value: string }[] = [];
  for (const [k, val] of Object.entries(data)) {
    const sub = props[k];
    const label = (sub?.title as string) ?? k;
    if (val && typeof val === 'object' && !Array.isArray(val)) {
      out.push(...flattenForm(val as Record<string, unknown>, sub ?? null, `${prefix}${label} · `));
    } else {
      const text = Array.isArray(val) ? val.join('、') : typeof val === 'boolean' ? (val ? '是' : '否') : String(val ?? '');
      out.push({ key: `${prefix}${k}`, label: `${prefix}${label}`, value: text });
    }
  }
  return out;
}

/** The submitted form. When the API masked personal fields, the page says so and how to see them in full. */
export function FormDataCard({ c, schema, canReveal }: { c: StaffCase; schema: Record<string, unknown> | null; canReveal: boolean }) {
  const t = useT(wbMessages);
  const rows = flattenForm(c.formData ?? {}, schema);
  return (
    <Card title={t('formData')} size="small" style={{ marginBottom: 16 }} extra={c.piiMasked ? <Tag color="gold">{t('masked')}</Tag> : null}>
      {c.piiMasked && <p className="tb-field-help" style={{ marginTop: 0 }}>{canReveal ? t('revealHint') : t('maskedHint')}</p>}
      {rows.length ? (
        <Descriptions size="small" column={1} bordered>{rows.map((r) => <Descriptions.Item key={r.key} label={r.label}>{r.value || '—'}</Descriptions.Item>)}</Descriptions>
      ) : <Empty />}
    </Card>
  );
}

/** 办理过程: every step with who did what and their opinion. */
export function CaseHistory({ c }: { c: StaffCase }) {
  const t = useT(wbMessages);
  // A 补正 item names its material by id; staff read the material's name.
  const refName = (kind: string, ref: string) => (kind === 'material' ? c.materials.find((m) => m.materialId === ref)?.name ?? ref : ref);
  const { lang } = useLang();
  const steps = [...c.steps].sort((a, b) => a.seq - b.seq);
  return (
    <Card title={t('history')} size="small" style={{ marginBottom: 16 }}>
      {steps.length ? (
        <Timeline
          items={steps.map((s) => ({
            color: s.state === 'pending' ? 'blue' : s.state === 'cancelled' ? 'gray' : 'green',
            children: (
              <div>
                <strong>{s.nodeName}</strong>{s.actionLabel ? ` · ${s.actionLabel}` : ''}{s.state === 'pending' ? ` · ${t('st_in_progress')}` : ''}
                <div className="tb-field-help">{[s.actorName, formatDateTime(s.endedAt ?? s.startedAt, lang)].filter(Boolean).join(' · ')}</div>
                {s.opinion && <div>{s.opinion}</div>}
              </div>
            ),
          }))}
        />
      ) : <p>{t('noHistory')}</p>}
      {c.corrections.length > 0 && (
        <>
          <h3>{t('corrections')}</h3>
          <ul>{c.corrections.flatMap((k, i) => (k.items ?? []).map((it, j) => <li key={`${i}-${j}`}>{t('correctionItem', { kind: t(`k_${it.kind}` as 'k_other'), ref: it.ref ? `${refName(it.kind, it.ref)} — ` : '', problem: it.problem })}</li>))}</ul>
        </>
      )}
    </Card>
  );
}
