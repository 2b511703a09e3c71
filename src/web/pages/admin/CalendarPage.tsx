import { useState } from 'react';
import { Alert, App, Button, Input, InputNumber, Radio, Space } from 'antd';
import { adminApi, type HolidayDay } from '../../api/admin.ts';
import { todayInShanghai } from '../../api/services.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { Field } from '../../components/staff/Field.tsx';
import { ApiErrorAlert } from '../../components/staff/ApiErrorAlert.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { adminMessages } from '../../i18n/admin.ts';
import { staffMessages } from '../../i18n/staff.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** Monday-first weekday index of a day (0 = Monday), computed in UTC so the device's zone does not matter. */
const weekday = (y: number, m: number, d: number) => (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;

/** 节假日日历: the year at a glance (days off and make-up working days marked); choosing a day edits it. */
export default function CalendarPage() {
  const t = useT(adminMessages);
  const [year, setYear] = useState(Number(todayInShanghai().slice(0, 4)));
  const [editing, setEditing] = useState<string | null>(null);
  const state = useAsync(() => adminApi.days(year), [year]);
  return (
    <>
      <h1>{t('calTitle')}</h1>
      <div className="tb-filters"><Field label={t('year')}><InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} /></Field></div>
      <AsyncBlock state={state} rows={6}>
        {(d) => {
          const byDate = new Map(d.days.map((x) => [x.date, x]));
          return (
            <>
              {!d.covered && <Alert type="warning" showIcon message={t('notCovered')} style={{ marginBottom: 12 }} />}
              {d.notice && <p className="tb-field-help">{d.notice}</p>}
              <div className="tb-legend"><span className="h">{t('legendHoliday')}</span><span className="w">{t('legendWorkday')}</span></div>
              {editing && <DayEditor date={editing} day={byDate.get(editing)} onDone={() => { setEditing(null); state.reload(); }} onCancel={() => setEditing(null)} />}
              <div className="tb-cal-grid">{Array.from({ length: 12 }, (_, i) => <Month key={i} year={year} month={i + 1} days={byDate} onPick={setEditing} />)}</div>
            </>
          );
        }}
      </AsyncBlock>
    </>
  );
}

function Month({ year, month, days, onPick }: { year: number; month: number; days: Map<string, HolidayDay>; onPick: (d: string) => void }) {
  const t = useT(adminMessages);
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array(weekday(year, month, 1)).fill(null), ...Array.from({ length: count }, (_, i) => i + 1)];
  const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return (
    <section className="tb-cal-month" aria-label={t('monthN', { m: month })}>
      <h2 style={{ margin: '0 0 4px', fontSize: '1em' }}>{t('monthN', { m: month })}</h2>
      <table>
        <thead><tr>{t('weekdays').split(',').map((w) => <th key={w} scope="col">{w}</th>)}</tr></thead>
        <tbody>
          {weeks.map((w, i) => (
            <tr key={i}>{Array.from({ length: 7 }, (_, j) => w[j] ?? null).map((d, j) => {
              if (!d) return <td key={j} />;
              const date = `${year}-${pad(month)}-${pad(d)}`;
              const rec = days.get(date);
              const cls = rec ? `tb-cal-day--${rec.kind}` : j >= 5 ? 'tb-cal-day--weekend' : '';
              return <td key={j}><button type="button" className={`tb-cal-day ${cls}`} onClick={() => onPick(date)} aria-label={`${date}${rec ? ` ${rec.name}（${t(`dk_${rec.kind}`)}）` : ''}`} title={rec?.name}>{d}</button></td>;
            })}</tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DayEditor({ date, day, onDone, onCancel }: { date: string; day?: HolidayDay; onDone: () => void; onCancel: () => void }) {
  const t = useT(adminMessages);
  const s = useT(staffMessages);
  const { message } = App.useApp();
  const [kind, setKind] = useState<'holiday' | 'workday' | 'normal'>(day?.kind ?? 'holiday');
  const [name, setName] = useState(day?.name ?? '');
  const [note, setNote] = useState(day?.note ?? '');
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setError(null);
    try {
      if (kind === 'normal') await adminApi.clearDay(date);
      else await adminApi.setDay(date, { kind, name: name.trim(), note: note.trim() || null });
      message.success(t('daySaved', { date }));
      onDone();
    } catch (e) { setError(e); }
  };
  return (
    <form aria-label={t('editDay', { date })} onSubmit={(e) => { e.preventDefault(); void save(); }} style={{ background: '#fff', border: '1px solid var(--tb-border)', borderRadius: 6, padding: 12, marginBottom: 12, maxWidth: 560 }}>
      <h2 style={{ marginTop: 0 }}>{t('editDay', { date })}</h2>
      <ApiErrorAlert error={error} />
      <Field label={t('dayKind')} group><Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} options={(['holiday', 'workday', 'normal'] as const).map((k) => ({ value: k, label: t(`dk_${k}`) }))} /></Field>
      {kind !== 'normal' && <Field label={t('dayName')} required><Input value={name} onChange={(e) => setName(e.target.value)} maxLength={50} /></Field>}
      {kind !== 'normal' && <Field label={t('dayNote')}><Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} /></Field>}
      <Space><Button type="primary" htmlType="submit" disabled={kind !== 'normal' && !name.trim()}>{s('save')}</Button><Button onClick={onCancel}>{s('cancel')}</Button></Space>
    </form>
  );
}
