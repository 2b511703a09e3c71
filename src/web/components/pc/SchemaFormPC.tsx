import type { ReactNode } from 'react';
import { Input, InputNumber, Radio, Select, Switch } from 'antd';
import { getAt, inputId, type Field } from '../../form/fields.ts';
import type { SchemaFormState } from '../../form/useSchemaForm.ts';
import { useT } from '../../i18n/i18n.tsx';
import { formMessages } from '../../form/messages.ts';

/**
 * The antd skin of the schema form (PC portal, kiosk; later the window intake). Each input has a real <label>,
 * its help and error wired through aria-describedby, aria-invalid and aria-required, so it is usable by role
 * and label, with the keyboard and with a screen reader.
 */
export function SchemaFormPC({ form }: { form: SchemaFormState }) {
  return <div className="tb-schema-form">{form.fields.map((f) => <FieldView key={f.path} field={f} form={form} />)}</div>;
}

function FieldView({ field, form }: { field: Field; form: SchemaFormState }) {
  if (field.children) {
    return (
      <fieldset className="tb-fieldset" style={{ border: '1px solid var(--tb-border)', borderRadius: 6, padding: '8px 16px 4px', margin: '0 0 16px' }}>
        <legend style={{ fontWeight: 600, padding: '0 6px', width: 'auto', border: 0, marginBottom: 0, fontSize: '1.05em' }}>{field.label}</legend>
        {field.help && <p className="tb-field-help">{field.help}</p>}
        {field.children.map((f) => <FieldView key={f.path} field={f} form={form} />)}
      </fieldset>
    );
  }
  if (field.widget === 'hidden') return null;
  return <LeafField field={field} form={form} />;
}

function LeafField({ field, form }: { field: Field; form: SchemaFormState }) {
  const t = useT(formMessages);
  const id = inputId(field.path, form.idPrefix);
  const error = form.errors[field.path];
  const help = [field.help, form.prefilled.has(field.path) ? t('prefilled') : ''].filter(Boolean).join(' · ');
  const describedBy = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const aria = { id, 'aria-invalid': !!error, 'aria-required': field.required, 'aria-describedby': describedBy };
  const isGroup = field.widget === 'radio';
  const label = (
    <>
      {field.label}
      {field.required && <span className="tb-required" aria-hidden="true">*</span>}
      {field.required && <span className="tb-sr-only">{t('requiredMark')}</span>}
    </>
  );
  return (
    <div className="tb-field" style={{ marginBottom: 16 }} role={isGroup ? 'radiogroup' : undefined} aria-labelledby={isGroup ? `${id}-label` : undefined}>
      <label htmlFor={isGroup ? undefined : id} id={`${id}-label`} style={{ display: 'block', fontWeight: 500, marginBottom: 4 }}>{label}</label>
      <Control field={field} form={form} aria={aria} />
      {help && <div id={`${id}-help`} className="tb-field-help">{help}</div>}
      {error && <div id={`${id}-error`} className="tb-field-error">{error}</div>}
    </div>
  );
}

type Aria = { id: string; 'aria-invalid': boolean; 'aria-required': boolean; 'aria-describedby'?: string };

function Control({ field, form, aria }: { field: Field; form: SchemaFormState; aria: Aria }): ReactNode {
  const t = useT(formMessages);
  const value = getAt(form.values, field.path);
  const set = (v: unknown) => form.change(field.path, v);
  const blur = () => form.blur(field.path);
  const status = aria['aria-invalid'] ? 'error' : undefined;
  const readOnly = field.schema['x-ui']?.readonly;
  switch (field.widget) {
    case 'textarea':
      return <Input.TextArea {...aria} status={status} value={(value as string) ?? ''} onChange={(e) => set(e.target.value)} onBlur={blur} rows={4} maxLength={field.schema.maxLength} showCount={!!field.schema.maxLength} placeholder={field.placeholder} readOnly={readOnly} />;
    case 'number':
      return <InputNumber {...aria} status={status} value={value as number | null} onChange={(v) => set(v ?? undefined)} onBlur={blur} min={field.schema.minimum} max={field.schema.maximum} precision={field.schema.type === 'integer' ? 0 : undefined} style={{ width: 240 }} readOnly={readOnly} />;
    case 'switch':
      return <Switch {...aria} checked={value === true} onChange={(v) => { set(v); form.blur(field.path); }} checkedChildren="是" unCheckedChildren="否" />;
    case 'radio':
      return (
        <Radio.Group value={value} onChange={(e) => { set(e.target.value); form.blur(field.path); }} aria-describedby={aria['aria-describedby']} aria-invalid={aria['aria-invalid']}>
          {field.options!.map((o, i) => <Radio key={String(o.value)} value={o.value} id={i === 0 ? aria.id : undefined}>{o.label}</Radio>)}
        </Radio.Group>
      );
    case 'select':
      return <Select {...aria} status={status} value={value as string | undefined} onChange={set} onBlur={blur} options={field.options} placeholder={t('select')} style={{ width: '100%', maxWidth: 420 }} showSearch optionFilterProp="label" allowClear={!field.required} />;
    case 'date':
      // The native date input: keyboard- and screen-reader-friendly in every browser, no date library needed.
      return <Input {...aria} type="date" status={status} value={(value as string) ?? ''} onChange={(e) => set(e.target.value)} onBlur={blur} min={field.schema['formatMinimum'] as string | undefined} max={field.schema['formatMaximum'] as string | undefined} style={{ width: 240 }} />;
    default:
      return (
        <Input {...aria} status={status} value={(value as string) ?? ''} onChange={(e) => set(field.widget === 'idCard' || field.widget === 'uscc' ? e.target.value.toUpperCase().trim() : e.target.value)} onBlur={blur}
          maxLength={field.schema.maxLength} placeholder={field.placeholder} readOnly={readOnly} inputMode={field.widget === 'phone' ? 'tel' : undefined}
          autoComplete={field.widget === 'phone' ? 'tel' : field.schema['x-ui']?.prefill === 'person.name' ? 'name' : 'off'} style={{ maxWidth: field.widget === 'text' ? 560 : 360 }} />
      );
  }
}
