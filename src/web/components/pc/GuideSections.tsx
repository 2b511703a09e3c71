import { Table, Tag } from 'antd';
import type { ItemGuide, TimeLimit } from '../../api/types.ts';
import { GUIDE_ELEMENTS } from '../../api/guide-elements.ts';
import { useExpectedDate } from '../../flows/useExpectedDate.ts';
import { formatDate } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { portalMessages } from '../../i18n/portal.ts';

/**
 * The sections of a service guide (办事指南) per GB/T 39046, rendered with antd for the PC portal and kiosk.
 * Every section has a heading with an id so the table of contents and screen-reader heading navigation work.
 */
type T = (key: keyof (typeof portalMessages)['zh-CN'], vars?: Record<string, string | number>) => string;

export const GUIDE_SECTIONS = ['limits', 'materials', 'process', 'where', 'faq', 'more'] as const;

export function limitText(t: T, l: TimeLimit): string {
  return t('limitDays', { n: l.days, unit: l.unit === 'working' ? t('workingDay') : t('naturalDay') });
}

export function LimitsSection({ guide }: { guide: ItemGuide }) {
  const t = useT(portalMessages);
  const { lang } = useLang();
  const expected = useExpectedDate(guide);
  return (
    <section aria-labelledby="g-limits" className="tb-card">
      <h2 id="g-limits">{t('timeLimits')}</h2>
      <dl className="tb-kv">
        <dt>{t('legalLimit')}</dt>
        <dd>{limitText(t, guide.legalLimit)}</dd>
        <dt>{t('committedLimit')}</dt>
        <dd>{guide.immediate ? t('immediate') : limitText(t, guide.committedLimit)}</dd>
        <dt>{t('expectedIfToday')}</dt>
        <dd className="tb-expected" aria-live="polite">{expected.date ? formatDate(expected.date, lang) : expected.failed ? '—' : t('calculating')}</dd>
        <dt>{t('visits')}</dt>
        <dd>{t('visitsN', { n: guide.visits })}</dd>
        <dt>{t('onlineDepth')}</dt>
        <dd>{['—', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'][guide.onlineDepth] ?? guide.onlineDepth}</dd>
      </dl>
    </section>
  );
}

export function MaterialsSection({ guide }: { guide: ItemGuide }) {
  const t = useT(portalMessages);
  const c = (n?: number | null) => (n === null || n === undefined ? '—' : String(n));
  return (
    <section aria-labelledby="g-materials" className="tb-card">
      <h2 id="g-materials">{t('materials')}</h2>
      <Table
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={guide.materials}
        scroll={{ x: 720 }}
        columns={[
          { title: t('materialName'), dataIndex: 'name', render: (_, m) => (
            <>
              <strong>{m.name}</strong>
              {m.exemptable && (
                <div><Tag color="green">{t('exemptable')}</Tag>{m.eLicenceType ? t('exemptByLicence', { type: m.eLicenceType }) : m.exemptReason ? t('exemptBecause', { reason: m.exemptReason }) : null}</div>
              )}
              {m.note && <div className="tb-field-help">{m.note}</div>}
            </>
          ) },
          { title: t('materialRequired'), dataIndex: 'required', width: 90, render: (r: boolean) => (r ? <Tag color="red">{t('requiredYes')}</Tag> : <Tag>{t('requiredNo')}</Tag>) },
          { title: t('materialIssuer'), dataIndex: 'issuer', width: 150, render: (v: string | null) => v ?? '—' },
          { title: t('materialCopies'), width: 110, render: (_, m) => `${c(m.originals)} / ${c(m.copies)}` },
          { title: t('materialForm'), dataIndex: 'form', width: 90, render: (v: string | null) => v ?? '—' },
          { title: t('formsDownload'), width: 150, render: (_, m) => (
            <>
              {m.blankFormUrl && <div><a href={m.blankFormUrl} download aria-label={`${t('download')}${t('blankForm')}：${m.name}`}>{t('blankForm')}</a></div>}
              {m.sampleFormUrl && <div><a href={m.sampleFormUrl} download aria-label={`${t('download')}${t('sampleForm')}：${m.name}`}>{t('sampleForm')}</a></div>}
              {!m.blankFormUrl && !m.sampleFormUrl && '—'}
            </>
          ) },
        ]}
      />
      {guide.blankForms.length > 0 && (
        <p>
          {t('formsDownload')}：
          {guide.blankForms.map((f) => <a key={f.url} href={f.url} download style={{ marginRight: 12 }}>{f.name}</a>)}
        </p>
      )}
    </section>
  );
}

export function ProcessSection({ guide }: { guide: ItemGuide }) {
  const t = useT(portalMessages);
  if (!guide.steps.length) return null;
  return (
    <section aria-labelledby="g-process" className="tb-card">
      <h2 id="g-process">{t('process')}</h2>
      <ol>
        {guide.steps.map((s, i) => (
          <li key={i}>
            <strong>{s.name}</strong>
            {s.handler && `　${t('stepHandler')}：${s.handler}`}
            {s.limit && `　${t('stepLimit')}：${s.limit}`}
            {s.standard && <div className="tb-field-help">{t('stepStandard')}：{s.standard}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function WhereSection({ guide }: { guide: ItemGuide }) {
  const t = useT(portalMessages);
  return (
    <section aria-labelledby="g-where" className="tb-card">
      <h2 id="g-where">{t('whereWhen')}</h2>
      {guide.locations.map((l, i) => (
        <dl className="tb-kv" key={i} style={{ marginBottom: 12 }}>
          <dt>{l.name}</dt>
          <dd>{l.appointment && <Tag color="blue">{t('appointment')}</Tag>}</dd>
          {l.address && (<><dt>{t('address')}</dt><dd>{l.address}</dd></>)}
          {l.window && (<><dt>{t('window')}</dt><dd>{l.window}</dd></>)}
          {l.hours && (<><dt>{t('hours')}</dt><dd>{l.hours}</dd></>)}
          {l.phone && (<><dt>{t('phone')}</dt><dd><a href={`tel:${l.phone}`}>{l.phone}</a></dd></>)}
        </dl>
      ))}
      <dl className="tb-kv">
        <dt>{t('consult')}</dt>
        <dd>{guide.consultPhone ? <a href={`tel:${guide.consultPhone}`}>{guide.consultPhone}</a> : '12345'}</dd>
        <dt>{t('complaint')}</dt>
        <dd>{guide.complaintPhone ? <a href={`tel:${guide.complaintPhone}`}>{guide.complaintPhone}</a> : '12345'}</dd>
      </dl>
    </section>
  );
}

export function FaqSection({ guide }: { guide: ItemGuide }) {
  const t = useT(portalMessages);
  if (!guide.faq.length) return null;
  return (
    <section aria-labelledby="g-faq" className="tb-card">
      <h2 id="g-faq">{t('faq')}</h2>
      {guide.faq.map((f, i) => (
        <details key={i} style={{ marginBottom: 8 }}>
          <summary style={{ cursor: 'pointer', fontWeight: 600 }}>{f.question}</summary>
          <p>{f.answer}</p>
        </details>
      ))}
    </section>
  );
}

export function MoreElementsSection({ guide }: { guide: ItemGuide }) {
  const t = useT(portalMessages);
  const { lang } = useLang();
  return (
    <section aria-labelledby="g-more" className="tb-card">
      <h2 id="g-more">{t('otherElements')}</h2>
      <dl className="tb-kv">
        <dt>{t('basicCode')}</dt>
        <dd>{guide.basicCode}</dd>
        <dt>{t('implCode')}</dt>
        <dd>{guide.implementationCode}</dd>
        {GUIDE_ELEMENTS.map((e) => {
          const v = guide.elements.find((x) => x.key === e.key)?.value;
          return v ? [<dt key={`${e.key}-t`}>{lang === 'en' ? e.en : e.zh}</dt>, <dd key={`${e.key}-d`} style={{ whiteSpace: 'pre-wrap' }}>{v}</dd>] : null;
        })}
      </dl>
    </section>
  );
}
