import { useNavigate, useParams } from 'react-router-dom';
import { Button, Collapse, DotLoading, ErrorBlock, NoticeBar, Tag } from 'antd-mobile';
import { catalogApi } from '../../api/catalog.ts';
import { GUIDE_ELEMENTS } from '../../api/guide-elements.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { useExpectedDate } from '../../flows/useExpectedDate.ts';
import { formatDate } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { portalMessages } from '../../i18n/portal.ts';
import type { ItemGuide } from '../../api/types.ts';

/** The guide on the phone: the essentials first (time limit, expected date, materials), the rest folded. */
export default function MGuidePage() {
  const { key = '' } = useParams();
  const res = useAsync(() => catalogApi.guide(key), [key]);
  if (res.loading) return <DotLoading />;
  if (res.error || !res.data) return <ErrorBlock status="default" title={res.error?.message} description="" />;
  return <Guide g={res.data} />;
}

function Guide({ g }: { g: ItemGuide }) {
  const t = useT(portalMessages);
  const { lang } = useLang();
  const navigate = useNavigate();
  const expected = useExpectedDate(g);
  const unit = (u: string) => (u === 'working' ? t('workingDay') : t('naturalDay'));
  return (
    <>
      <h1 style={{ fontSize: '1.3em', margin: '4px 0' }}>{g.name}</h1>
      <p className="tb-field-help">{g.agencyName}</p>
      <div className="tbm-card">
        <dl className="tbm-kv">
          <dt>{t('legalLimit')}</dt><dd>{t('limitDays', { n: g.legalLimit.days, unit: unit(g.legalLimit.unit) })}</dd>
          <dt>{t('committedLimit')}</dt><dd>{g.immediate ? t('immediate') : t('limitDays', { n: g.committedLimit.days, unit: unit(g.committedLimit.unit) })}</dd>
          <dt>{t('expectedIfToday')}</dt><dd aria-live="polite"><strong>{expected.date ? formatDate(expected.date, lang) : expected.failed ? '—' : t('calculating')}</strong></dd>
          <dt>{t('visits')}</dt><dd>{t('visitsN', { n: g.visits })}</dd>
        </dl>
      </div>
      <h2 className="tbm-section-title">{t('materials')}</h2>
      <div className="tbm-card">
        <ol style={{ margin: 0, paddingLeft: '1.2em' }}>
          {g.materials.map((m) => (
            <li key={m.id} style={{ marginBottom: 8 }}>
              {m.name} {m.required ? <Tag color="danger">{t('requiredYes')}</Tag> : <Tag>{t('requiredNo')}</Tag>}
              {m.exemptable && <div className="tb-field-help">{m.eLicenceType ? t('exemptByLicence', { type: m.eLicenceType }) : t('exemptBecause', { reason: m.exemptReason ?? '' })}</div>}
              {m.blankFormUrl && <a href={m.blankFormUrl} download style={{ marginRight: 8 }}>{t('blankForm')}</a>}
              {m.sampleFormUrl && <a href={m.sampleFormUrl} download>{t('sampleForm')}</a>}
            </li>
          ))}
        </ol>
      </div>
      <Collapse>
        <Collapse.Panel key="p" title={t('process')}>
          <ol>{g.steps.map((s, i) => <li key={i}>{s.name}{s.limit ? `（${s.limit}）` : ''}</li>)}</ol>
        </Collapse.Panel>
        <Collapse.Panel key="w" title={t('whereWhen')}>
          {g.locations.map((l, i) => <p key={i}><strong>{l.name}</strong><br />{l.address}{l.window ? ` ${l.window}` : ''}<br />{l.hours}</p>)}
          <p>{t('consult')}：{g.consultPhone ? <a href={`tel:${g.consultPhone}`}>{g.consultPhone}</a> : '12345'}</p>
        </Collapse.Panel>
        <Collapse.Panel key="f" title={t('faq')}>
          {g.faq.map((f, i) => <p key={i}><strong>{f.question}</strong><br />{f.answer}</p>)}
        </Collapse.Panel>
        <Collapse.Panel key="m" title={t('otherElements')}>
          <dl className="tbm-kv">
            {GUIDE_ELEMENTS.map((e) => {
              const v = g.elements.find((x) => x.key === e.key)?.value;
              return v ? [<dt key={`${e.key}t`}>{lang === 'en' ? e.en : e.zh}</dt>, <dd key={`${e.key}d`}>{v}</dd>] : null;
            })}
          </dl>
        </Collapse.Panel>
      </Collapse>
      <div className="tbm-actions">
        {g.channels.mobile ? <Button block color="primary" size="large" onClick={() => navigate(`/m/apply/${encodeURIComponent(g.key)}`)}>{t('applyOnline')}</Button> : <NoticeBar content={t('notOnline')} color="info" wrap />}
      </div>
    </>
  );
}
