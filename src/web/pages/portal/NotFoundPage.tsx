import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { common } from '../../i18n/common.ts';

export default function NotFoundPage() {
  const c = useT(common);
  const navigate = useNavigate();
  return <Result status="404" title={<h1 style={{ fontSize: '1.4em' }}>{c('notFound')}</h1>} subTitle={c('notFoundHint')} extra={<Button type="primary" onClick={() => navigate('/')}>{c('home')}</Button>} />;
}
