import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { App, Button, Card, Col, Descriptions, Row, Space, Tag, Timeline } from 'antd';
import { workOrdersApi, type OrderTransition, type WorkOrder } from '../../api/oversight.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { DeadlineTag } from '../../components/staff/DeadlineTag.tsx';
import { ApiErrorAlert } from '../../components/staff/ApiErrorAlert.tsx';
import { useAgencies } from '../../components/staff/useAgencies.ts';
import { useAnnounce } from '../../a11y/Announcer.tsx';
import { useRoles } from '../staff/StaffLayout.tsx';
import { canRevealContact, orderTransitions } from './orderActions.ts';
import { TransitionForm } from './TransitionForm.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { woMessages } from '../../i18n/oversight.ts';

/** 工单详情: the request, contact (masked; the handling unit may reveal it, logged), history, and the transitions allowed now. */
export default function WorkOrderPage() {
  const { id = '' } = useParams();
  const t = useT(woMessages);
  const base = useLocation().pathname.startsWith('/admin') ? '/admin/workorders' : '/workbench/workorders';
  const state = useAsync(() => workOrdersApi.get(id), [id]);
  return (
    <>
      <p><Link to={base}>← {t('back')}</Link></p>
      <AsyncBlock state={state} rows={8}>{(o) => <OrderView o={o} reload={state.reload} />}</AsyncBlock>
    </>
  );
}

function OrderView({ o, reload }: { o: WorkOrder; reload: () => void }) {
  const t = useT(woMessages);
  const { lang } = useLang();
  const { me } = useRoles();
  const { nameOf } = useAgencies();
  const { message } = App.useApp();
  const announce = useAnnounce();
  const [open, setOpen] = useState<OrderTransition | null>(null);
  const [contact, setContact] = useState<{ name: string | null; phone: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const roles = me?.roles ?? [];
  const allowed = orderTransitions(o, roles);
  const reveal = async () => { setError(null); try { setContact(await workOrdersApi.revealContact(o.id)); announce(t('revealed')); } catch (e) { setError(e); } };
  const done = (action: OrderTransition) => { const text = t('ok', { action: t(`t_${action}` as 't_sign') }); message.success(text); announce(text); setOpen(null); reload(); };
  const dt = (v: string | null) => formatDateTime(v, lang) || '—';
  return (
    <>
      <h1>{t('orderTitle', { no: o.orderNo })} <Tag color="blue">{t(`s_${o.status}` as 's_closed')}</Tag></h1>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title={t('details')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
              <Descriptions.Item label={t('colTitle')} span={2}>{o.title}</Descriptions.Item>
              <Descriptions.Item label={t('content')} span={2}><span style={{ whiteSpace: 'pre-wrap' }}>{o.content}</span></Descriptions.Item>
              <Descriptions.Item label={t('colSource')}>{t(`src_${o.source}` as 'src_manual')}{o.ratingLevel ? ` · ${t('rating')} ${o.ratingLevel}` : ''}</Descriptions.Item>
              <Descriptions.Item label={t('colOwner')}>{o.agencyId ? nameOf(o.agencyId) : t('unassigned')}</Descriptions.Item>
              {o.ticketNo && <Descriptions.Item label={t('ticketNo')}>{o.ticketNo}</Descriptions.Item>}
              {o.calledAt && <Descriptions.Item label={t('calledAt')}>{dt(o.calledAt)}</Descriptions.Item>}
              {o.category && <Descriptions.Item label={t('category')}>{o.category}</Descriptions.Item>}
              {o.caseNo && <Descriptions.Item label={t('caseNo')}>{o.caseId ? <Link to={`/workbench/cases/${o.caseId}`}>{o.caseNo}</Link> : o.caseNo}</Descriptions.Item>}
              {o.itemName && <Descriptions.Item label={t('item')}>{o.itemName}</Descriptions.Item>}
              {o.place && <Descriptions.Item label={t('place')}>{o.place}</Descriptions.Item>}
              <Descriptions.Item label={t('contact')}>
                <Space wrap>
                  <span>{contact ? `${contact.name ?? ''} ${contact.phone ?? ''}` : `${o.contact.name ?? ''} ${o.contact.phone ?? ''}`}</span>
                  <Tag>{o.realName ? t('realName') : t('anonymous')}</Tag>
                  {!contact && canRevealContact(o, roles) && (o.contact.name || o.contact.phone) && <Button size="small" onClick={() => void reveal()}>{t('reveal')}</Button>}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('colDeadline')}><DeadlineTag colour={o.deadlineColour} at={o.stageDueAt} /></Descriptions.Item>
              <Descriptions.Item label={t('dueAt')}>{dt(o.dueAt)}</Descriptions.Item>
              {o.contactDueAt && <Descriptions.Item label={t('contactDue')}>{dt(o.contactDueAt)}</Descriptions.Item>}
              {o.contactedAt && <Descriptions.Item label={t('contactedAt')}>{dt(o.contactedAt)}</Descriptions.Item>}
              {o.finding && <Descriptions.Item label={t('finding')} span={2}>{o.finding}</Descriptions.Item>}
              {o.resolution && <Descriptions.Item label={t('resolution')} span={2}>{o.resolution}</Descriptions.Item>}
              {o.callback.outcome && <Descriptions.Item label={t('callbackResult')}>{t(`cb_${o.callback.outcome}` as 'cb_satisfied')}{o.callback.resolved ? ` · ${t('resolved')}` : ''}</Descriptions.Item>}
              {o.appeal.reason && <Descriptions.Item label={t('appeal')} span={2}>{o.appeal.reason}{o.appeal.decision ? ` → ${t(`d_${o.appeal.decision}` as 'd_upheld')}` : ''}</Descriptions.Item>}
              {o.reopenCount > 0 && <Descriptions.Item label={t('t_reopen')}>{t('reopened', { n: o.reopenCount })}</Descriptions.Item>}
            </Descriptions>
            <ApiErrorAlert error={error} />
          </Card>
          <Card title={t('stepsTitle')} size="small">
            {o.steps?.length ? (
              <Timeline items={o.steps.map((st) => ({ children: <div><strong>{`t_${st.action}` in woMessages['zh-CN'] ? t(`t_${st.action}` as 't_sign') : st.action}</strong>{st.to && st.to !== st.from ? ` → ${t(`s_${st.to}` as 's_closed')}` : ''}<div className="tb-field-help">{[st.actorName, dt(st.at)].filter(Boolean).join(' · ')}</div>{st.note && <div>{st.note}</div>}</div> }))} />
            ) : <p>{t('noSteps')}</p>}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('transitions')} size="small" style={{ position: 'sticky', top: 8 }}>
            {allowed.length === 0 ? <p>{t('noTransitions')}</p> : (
              <Space wrap>{allowed.map((a) => <Button key={a} type={open === a ? 'primary' : 'default'} aria-expanded={open === a} onClick={() => setOpen(open === a ? null : a)}>{t(`t_${a}` as 't_sign')}</Button>)}</Space>
            )}
            {open && <TransitionForm key={open} order={o} action={open} onDone={() => done(open)} onCancel={() => setOpen(null)} onRefresh={() => { setOpen(null); reload(); }} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
