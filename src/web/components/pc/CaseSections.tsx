import { Descriptions, Tag, Timeline } from 'antd';
import type { CaseDetail } from '../../api/types.ts';
import { fieldTree, getAt, leaves } from '../../form/fields.ts';
import { displayValue } from '../../form/display.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { applyMessages } from '../../i18n/apply.ts';

/** Read-only parts of a case for its applicant: timeline (办理进度), result, delivery, form and materials. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const t = useT(applyMessages);
  const { lang } = useLang();
  return (
    <section aria-labelledby="c-timeline" className="tb-card">
      <h2 id="c-timeline">{t('timeline')}</h2>
      <Timeline
        items={detail.timeline.map((s) => ({
          children: (
            <>
              <strong>{s.name}</strong> {s.action && <Tag>{s.action}</Tag>}
              <div className="tb-field-help">{formatDateTime(s.at, lang)}{s.actor ? ` · ${s.actor}` : ''}</div>
              {s.opinion && <div>{s.opinion}</div>}
            </>
          ),
        }))}
      />
    </section>
  );
}

export function CaseOutcome({ detail }: { detail: CaseDetail }) {
  const t = useT(applyMessages);
  const { lang } = useLang();
  if (!detail.result && !detail.delivery) return null;
  return (
    <section aria-labelledby="c-result" className="tb-card">
      <h2 id="c-result">{t('result')}</h2>
      {detail.result && (
        <Descriptions bordered column={1} size="middle" items={[
          { key: 'o', label: t('result'), children: detail.result.outcome },
          ...(detail.result.licenceName ? [{ key: 'n', label: t('licenceName'), children: detail.result.licenceName }] : []),
          ...(detail.result.licenceNo ? [{ key: 'no', label: t('licenceNo'), children: detail.result.licenceNo }] : []),
          ...(detail.result.validUntil ? [{ key: 'v', label: t('validUntil'), children: formatDate(detail.result.validUntil, lang) }] : []),
          ...(detail.result.issuer ? [{ key: 'i', label: t('issuer'), children: detail.result.issuer }] : []),
        ]} />
      )}
      {detail.delivery && (
        <Descriptions style={{ marginTop: 12 }} title={t('delivery')} bordered column={1} size="middle" items={[
          { key: 'm', label: t('deliveryMethod'), children: detail.delivery.method },
          ...(detail.delivery.trackingNo ? [{ key: 't', label: t('trackingNo'), children: detail.delivery.trackingNo }] : []),
          ...(detail.delivery.deliveredAt ? [{ key: 'd', label: t('deliveredAt'), children: formatDateTime(detail.delivery.deliveredAt, lang) }] : []),
        ]} />
      )}
    </section>
  );
}

export function CaseFormData({ detail }: { detail: CaseDetail }) {
  const t = useT(applyMessages);
  const form = detail.form ?? {};
  const fields = detail.formSchema ? leaves(fieldTree(detail.formSchema)) : [];
  return (
    <section aria-labelledby="c-form" className="tb-card">
      <h2 id="c-form">{t('formData')}</h2>
      <Descriptions bordered column={1} size="middle"
        items={fields.length
          ? fields.map((f) => ({ key: f.path, label: f.label, children: displayValue(f, getAt(form, f.path)) || '—' }))
          : Object.entries(form).map(([k, v]) => ({ key: k, label: k, children: typeof v === 'object' ? JSON.stringify(v) : String(v) }))} />
      <h3 style={{ marginTop: 16 }}>{t('materialsTitle')}</h3>
      <ul>
        {detail.materials.map((m) => (
          <li key={m.materialId}>
            {m.name}：{m.files.length ? m.files.map((f) => <a key={f.id} href={f.url} target="_blank" rel="noreferrer" style={{ marginRight: 8 }}>{f.fileName || t('preview')}</a>) : m.collection ?? '—'}
          </li>
        ))}
      </ul>
    </section>
  );
}
