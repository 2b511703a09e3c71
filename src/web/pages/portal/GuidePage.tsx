import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Breadcrumb, Button, Tag } from 'antd';
import { catalogApi } from '../../api/catalog.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { FaqSection, LimitsSection, MaterialsSection, MoreElementsSection, ProcessSection, WhereSection } from '../../components/pc/GuideSections.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { common } from '../../i18n/common.ts';
import { portalMessages } from '../../i18n/portal.ts';
import { useEffect } from 'react';

/** The service guide (办事指南) of one item, with "在线办理" when the PC channel is open. */
export default function GuidePage() {
  const { key = '' } = useParams();
  const guide = useAsync(() => catalogApi.guide(key), [key]);
  const t = useT(portalMessages);
  const c = useT(common);
  const navigate = useNavigate();
  useEffect(() => {
    if (guide.data) document.title = `${guide.data.name} - ${c('siteName')}`;
  }, [guide.data, c]);
  const toc = [
    ['g-limits', t('timeLimits')], ['g-materials', t('materials')], ['g-process', t('process')],
    ['g-where', t('whereWhen')], ['g-faq', t('faq')], ['g-more', t('otherElements')],
  ];
  return (
    <div className="tb-container">
      <Breadcrumb style={{ marginTop: 16 }} items={[{ title: <Link to="/">{c('home')}</Link> }, { title: t('guideTitle') }]} />
      <AsyncBlock state={guide} rows={12}>
        {(g) => (
          <>
            <h1 className="tb-page-title">{g.name}</h1>
            <p>
              {g.agencyName} · <Tag>{t('version', { v: g.version })}</Tag>
              {g.immediate && <Tag color="green">{t('immediate')}</Tag>}
            </p>
            <div className="tb-sticky-actions">
              {g.channels.pc ? (
                <Button type="primary" size="large" onClick={() => navigate(`/apply/${encodeURIComponent(g.key)}`)}>{t('applyOnline')}</Button>
              ) : (
                <Alert type="info" showIcon message={t('notOnline')} />
              )}
            </div>
            <div className="tb-guide">
              <nav className="tb-guide-toc" aria-label={t('onThisPage')}>
                <strong>{t('onThisPage')}</strong>
                <ol>
                  {toc.filter(([id]) => (id !== 'g-process' || g.steps.length) && (id !== 'g-faq' || g.faq.length)).map(([id, label]) => (
                    <li key={id}><a href={`#${id}`}>{label}</a></li>
                  ))}
                </ol>
              </nav>
              <div style={{ display: 'grid', gap: 16 }}>
                <LimitsSection guide={g} />
                <MaterialsSection guide={g} />
                <ProcessSection guide={g} />
                <WhereSection guide={g} />
                <FaqSection guide={g} />
                <MoreElementsSection guide={g} />
              </div>
            </div>
          </>
        )}
      </AsyncBlock>
    </div>
  );
}
