import { useMemo, useState } from 'react';
import { Alert, Button, Col, Input, Row } from 'antd';
import type { FormSchema } from '../../../../shared/form-schema.ts';
import { useSchemaForm } from '../../../form/useSchemaForm.ts';
import { SchemaFormPC } from '../../../components/pc/SchemaFormPC.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { adminMessages } from '../../../i18n/admin.ts';

/** Parses the editor text; a schema must be an object schema with properties (the catalogue's own rule). */
function parse(text: string, t: ReturnType<typeof useT<keyof (typeof adminMessages)['zh-CN']>>): { schema?: FormSchema; error?: string } {
  try {
    const s = JSON.parse(text) as FormSchema;
    if (!s || s.type !== 'object' || typeof s.properties !== 'object') return { error: t('schemaNotObject') };
    return { schema: s };
  } catch (e) {
    return { error: t('schemaInvalid', { msg: (e as Error).message }) };
  }
}

/** The form schema as JSON with a live preview rendered by the portal's own schema-form renderer. */
export function FormSchemaEditor({ value, onChange }: { value: FormSchema; onChange: (s: FormSchema) => void }) {
  const t = useT(adminMessages);
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const parsed = useMemo(() => parse(text, t), [text, t]);
  const change = (next: string) => {
    setText(next);
    const p = parse(next, t);
    if (p.schema) onChange(p.schema);
  };
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <label htmlFor="schema-json" style={{ fontWeight: 500 }}>{t('schemaJson')}</label>
        <Input.TextArea id="schema-json" className="tb-json" value={text} onChange={(e) => change(e.target.value)} autoSize={{ minRows: 18, maxRows: 40 }} spellCheck={false}
          aria-invalid={parsed.error ? true : undefined} aria-describedby={parsed.error ? 'schema-error' : undefined} />
        {parsed.error && <div id="schema-error" className="tb-field-error" role="alert">{parsed.error}</div>}
        <Button style={{ marginTop: 8 }} onClick={() => parsed.schema && setText(JSON.stringify(parsed.schema, null, 2))} disabled={!parsed.schema}>{t('formatJson')}</Button>
      </Col>
      <Col xs={24} xl={12}>
        <h3 style={{ marginTop: 0 }}>{t('livePreview')}</h3>
        {parsed.schema ? <Preview key={JSON.stringify(parsed.schema)} schema={parsed.schema} /> : <Alert type="warning" message={parsed.error} />}
      </Col>
    </Row>
  );
}

function Preview({ schema }: { schema: FormSchema }) {
  const form = useSchemaForm(schema, {}, { idPrefix: 'preview' });
  return <div style={{ border: '1px dashed var(--tb-border)', borderRadius: 6, padding: 12, background: '#fff' }}><SchemaFormPC form={form} /></div>;
}
