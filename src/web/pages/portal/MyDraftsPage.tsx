import { Link, useNavigate } from 'react-router-dom';
import { Button, List } from 'antd';
import { casesApi } from '../../api/services.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { RequireLogin } from '../../components/pc/RequireLogin.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { applyMessages } from '../../i18n/apply.ts';

/** 我的草稿: saved applications to continue or discard. */
export default function MyDraftsPage() {
  const t = useT(applyMessages);
  return (
    <div className="tb-container">
      <h1 className="tb-page-title">{t('myDraftsTitle')}</h1>
      <p><Link to="/my/cases">{t('myCasesTitle')}</Link></p>
      <RequireLogin>{() => <Drafts />}</RequireLogin>
    </div>
  );
}

function Drafts() {
  const t = useT(applyMessages);
  const { lang } = useLang();
  const navigate = useNavigate();
  const drafts = useAsync(() => casesApi.myDrafts(), []);
  return (
    <AsyncBlock state={drafts}>
      {(list) => (
        <List className="tb-card" dataSource={list} locale={{ emptyText: t('noDrafts') }}
          renderItem={(d) => (
            <List.Item actions={[
              <Button key="c" type="primary" onClick={() => navigate(`/apply/${encodeURIComponent(d.itemKey)}?draft=${encodeURIComponent(d.id)}`)} aria-label={`${t('continueDraft')}：${d.itemName}`}>{t('continueDraft')}</Button>,
            ]}>
              <List.Item.Meta title={d.itemName} description={`${t('updatedAt')}：${formatDateTime(d.updatedAt, lang)}`} />
            </List.Item>
          )} />
      )}
    </AsyncBlock>
  );
}
