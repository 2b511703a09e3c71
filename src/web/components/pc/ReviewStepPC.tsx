import { Button, Descriptions, Tag } from 'antd';
import { getAt, leaves } from '../../form/fields.ts';
import type { Application } from '../../flows/useApplication.ts';
import { displayValue } from '../../form/display.ts';
import { useT } from '../../i18n/i18n.tsx';
import { applyMessages } from '../../i18n/apply.ts';

/** The review page before submit: every answer and every material, each with a way back to change it. */
export function ReviewStepPC({ app }: { app: Application }) {
  const t = useT(applyMessages);
  const fields = leaves(app.form.fields).filter((f) => f.widget !== 'hidden');
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <p>{t('reviewHint')}</p>
      <Descriptions bordered column={1} size="middle" title={t('reviewForm')} extra={<Button onClick={() => app.setStep('form')}>{t('edit')}</Button>}
        items={fields.map((f) => ({ key: f.path, label: f.label, children: displayValue(f, getAt(app.form.values, f.path)) || t('notFilled') }))} />
      {app.materials.state.length > 0 && (
        <Descriptions bordered column={1} size="middle" title={t('reviewMaterials')} extra={<Button onClick={() => app.setStep('materials')}>{t('edit')}</Button>}
          items={app.materials.state.map((s) => ({
            key: s.material.id,
            label: s.material.name,
            children: s.exempt ? <Tag color="green">{t('exempted')}</Tag> : t('filesN', { n: s.files.filter((f) => f.status === 'done').length }),
          }))} />
      )}
    </div>
  );
}
