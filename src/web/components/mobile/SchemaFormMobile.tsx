import { getAt, inputId, type Field } from '../../form/fields.ts';
import type { SchemaFormState } from '../../form/useSchemaForm.ts';
import { useT } from '../../i18n/i18n.tsx';
import { formMessages } from '../../form/messages.ts';

/**
 * The phone skin of the schema form: native inputs (the phone's own keyboards, date pickers and screen reader
 * support) styled for touch. Same state, validation and error paths as the antd skin.
 */
export function SchemaFormMobile({ form }: { form: SchemaFormState }) {
  return <div>{form.fields.map((f) => <MField key={f.path} field={f} form={form} />)}</div>;
}

function MField({ field, form }: { field: Field; form: SchemaFormState }) {
  const t = useT(formMessages);
  if (field.children) {
    return (
      <fieldset className="tbm-card" style={{ border: 0 }}>
        <legend style={{ fontWeight: 600, padding: 0 }}>{field.label}</legend>
        {field.children.map((f) => <MField key={f.path} field={f} form={form} />)}
      </fieldset>
    );
  }
  if (field.widget === 'hidden') return null;
  const id = inputId(field.path, form.idPrefix);
  const error = form.errors[field.path];
  const help = [field.help, form.prefilled.has(field.path) ? t('prefilled') : ''].filter(Boolean).join(' · ');
  const describedBy = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const value = getAt(form.values, field.path);
  const common = { id, 'aria-invalid': !!error, 'aria-required': field.required, 'aria-describedby': describedBy, onBlur: () => form.blur(field.path), className: 'tbm-input', style: { width: '100%' } };
  const label = (
    <>
      {field.label}
      {field.required && <span className="tb-required" aria-hidden="true">*</span>}
      {field.required && <span className="tb-sr-only">{t('requiredMark')}</span>}
    </>
  );
  let control;
  if (field.widget === 'radio' || field.widget === 'switch') {
    const options = field.options ?? [{ value: true as unknown as string, label: '是' }, { value: false as unknown as string, label: '否' }];
    return (
      <fieldset className="tbm-field" style={{ border: 0, padding: 0, margin: '0 0 14px' }} aria-describedby={describedBy}>
        <legend className="tbm-label" style={{ fontWeight: 500 }}>{label}</legend>
        {options.map((o, i) => (
          <label key={String(o.value)} style={{ display: 'flex', alignItems: 'center', gap: 8, minHeight: 44 }}>
            <input type="radio" name={id} id={i === 0 ? id : undefined} checked={value === o.value} onChange={() => { form.change(field.path, o.value); form.blur(field.path); }} style={{ width: 22, height: 22 }} />
            {o.label}
          </label>
        ))}
        {help && <div id={`${id}-help`} className="tb-field-help">{help}</div>}
        {error && <div id={`${id}-error`} className="tb-field-error">{error}</div>}
      </fieldset>
    );
  }
  if (field.widget === 'select') {
    control = (
      <select {...common} value={value === undefined ? '' : String(value)} onChange={(e) => form.change(field.path, field.options!.find((o) => String(o.value) === e.target.value)?.value)}>
        <option value="">{t('select')}</option>
        {field.options!.map((o) => <option key={String(o.value)} value={String(o.value)}>{o.label}</option>)}
      </select>
    );
  } else if (field.widget === 'textarea') {
    control = <textarea {...common} rows={4} maxLength={field.schema.maxLength} value={(value as string) ?? ''} onChange={(e) => form.change(field.path, e.target.value)} />;
  } else {
    const numeric = field.widget === 'number';
    const type = numeric ? 'number' : field.widget === 'date' ? 'date' : field.widget === 'phone' ? 'tel' : field.widget === 'email' ? 'email' : 'text';
    control = (
      <input {...common} type={type} inputMode={numeric ? 'decimal' : field.widget === 'phone' ? 'tel' : undefined} maxLength={field.schema.maxLength} placeholder={field.placeholder}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => {
          const raw = e.target.value;
          form.change(field.path, numeric ? (raw === '' ? undefined : Number(raw)) : field.widget === 'idCard' || field.widget === 'uscc' ? raw.toUpperCase().trim() : raw);
        }} />
    );
  }
  return (
    <div className="tbm-field">
      <label htmlFor={id}>{label}</label>
      {control}
      {help && <div id={`${id}-help`} className="tb-field-help">{help}</div>}
      {error && <div id={`${id}-error`} className="tb-field-error">{error}</div>}
    </div>
  );
}
