import { useState } from 'react';
import { Alert, Button, Card, Input, Radio } from 'antd';
import { ratingsApi } from '../../api/oversight.ts';
import { ApiError } from '../../api/client.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { useAnnounce } from '../../a11y/Announcer.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { woMessages } from '../../i18n/oversight.ts';

const DONE = ['completed', 'delivered'];
const LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * 好差评 on the applicant's case page: once the case is completed, five levels (GB/T 39046, 1 非常满意 … 5 非常不满意)
 * and a comment; one counted rating per case (一事一评) — after rating, the page shows the rating given.
 */
export function CaseRatingPanel({ caseId, status, channel = 'pc' }: { caseId: string; status: string; channel?: 'pc' | 'mobile' }) {
  const t = useT(woMessages);
  const announce = useAnnounce();
  const mine = useAsync(async () => {
    const r = await ratingsApi.mine();
    const list = (Array.isArray(r) ? r : r.items) as { caseId: string | null; level: number }[];
    return list.find((x) => x.caseId === caseId) ?? null;
  }, [caseId]);
  const [level, setLevel] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!DONE.includes(status) || mine.loading || mine.error) return null;
  const label = (l: number) => t(`lv${l}` as 'lv1');
  if (mine.data) return <Alert type="success" showIcon message={t('rateDone', { label: label(mine.data.level) })} />;
  const submit = async () => {
    if (level === null) return;
    setBusy(true);
    setError(null);
    try {
      await ratingsApi.rateCase({ caseId, level, comment: comment.trim() || null, channel });
      announce(t('rateThanks'));
      mine.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('rateCaseTitle')} size="small">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div role="radiogroup" aria-labelledby="case-rate-choose" style={{ marginBottom: 12 }}>
          <p id="case-rate-choose" style={{ marginTop: 0 }}>{t('rateChoose')}</p>
          <Radio.Group value={level} onChange={(e) => setLevel(e.target.value)} optionType="button" buttonStyle="solid" options={LEVELS.map((l) => ({ value: l, label: label(l) }))} />
        </div>
        {level !== null && (
          <>
            <label htmlFor="case-rate-comment" style={{ display: 'block', marginBottom: 4 }}>{level >= 4 ? t('rateCommentBad') : t('rateComment')}</label>
            <Input.TextArea id="case-rate-comment" value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} showCount autoSize={{ minRows: 2 }} />
          </>
        )}
        {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 8 }} />}
        <Button type="primary" htmlType="submit" disabled={level === null} loading={busy} style={{ marginTop: 12 }}>{t('rateSubmit')}</Button>
      </form>
    </Card>
  );
}
