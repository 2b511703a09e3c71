import { Link, useParams } from 'react-router-dom';
import { Button, Space } from 'antd';
import { workbenchApi, type StaffCase } from '../../api/staff.ts';
import { calendarApi } from '../../api/services.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { useSession } from '../../session/session.tsx';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { wbMessages } from '../../i18n/workbench.ts';

/** The expected completion day: the case deadline once the clock runs, else the promised limit counted from today. */
async function expectedDay(c: StaffCase): Promise<string | null> {
  if (c.deadline) return c.deadline.at;
  const limit = c.limits.committed ?? c.limits.legal;
  if (!limit) return null;
  return calendarApi.expectedDate({ days: limit.days, unit: limit.unit === 'natural' ? 'natural' : 'working' }).catch(() => null);
}

/** 受理回执: a print-styled page (A4, black on white; the frame is hidden when printing). */
export default function ReceiptPage() {
  const { caseId = '' } = useParams();
  const t = useT(wbMessages);
  const { lang } = useLang();
  const { me } = useSession();
  const state = useAsync(async () => { const c = await workbenchApi.caseDetail(caseId); return { c, expected: await expectedDay(c) }; }, [caseId]);
  return (
    <AsyncBlock state={state}>
      {({ c, expected }) => (
        <>
          <Space className="tb-no-print" style={{ marginBottom: 12 }}>
            <Button type="primary" onClick={() => window.print()}>{t('print')}</Button>
            <Link to={`/workbench/cases/${c.id}`}>{t('backToCase')}</Link>
            <Link to="/workbench/intake">{t('newIntake')}</Link>
          </Space>
          <article className="tb-receipt" aria-labelledby="receipt-title">
            <h1 id="receipt-title">{t('receiptTitle')}</h1>
            <table>
              <tbody>
                <tr><th scope="row">{t('receiptNo')}</th><td><strong>{c.caseNo}</strong></td></tr>
                <tr><th scope="row">{t('receiptItem')}</th><td>{c.item.name}</td></tr>
                <tr><th scope="row">{t('receiptApplicant')}</th><td>{c.applicant.name}　{c.applicant.idNo ?? ''}</td></tr>
                <tr><th scope="row">{t('receiptMaterials')}</th><td>
                  <ol style={{ margin: 0, paddingLeft: 18 }}>
                    {c.materials.map((m) => <li key={m.materialId}>{m.name}（{t(`m_${m.method}` as 'm_exempt')}{m.files.length ? `，${t('receiptFiles', { n: m.files.length })}` : ''}）</li>)}
                  </ol>
                </td></tr>
                <tr><th scope="row">{t('receiptExpected')}</th><td>{expected ? formatDate(expected, lang) : '—'}</td></tr>
                <tr><th scope="row">{t('receiptWindow')}</th><td>{c.channel.windowId ?? '—'}</td></tr>
                <tr><th scope="row">{t('receiptClerk')}</th><td>{me?.name ?? ''}</td></tr>
                <tr><th scope="row">{t('receiptTime')}</th><td>{formatDateTime(c.times.submittedAt, lang)}</td></tr>
              </tbody>
            </table>
            <p>{t('receiptNote')}</p>
          </article>
        </>
      )}
    </AsyncBlock>
  );
}
