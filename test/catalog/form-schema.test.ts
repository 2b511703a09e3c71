import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { compiledFormCount, formValidator } from '../../src/server/modules/catalog/form-schema.js';
import { itemBody } from './factory.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const form = (props: Record<string, unknown>) => ({ type: 'object', properties: props, additionalProperties: false });

describe('application form schemas (申请表 JSON Schema)', () => {
  it('checks the standard and identifier formats, and logs nothing while compiling them', () => {
    const warn = vi.spyOn(console, 'warn');
    const validate = formValidator(form({
      birth: { type: 'string', format: 'date' }, mail: { type: 'string', format: 'email' },
      idNo: { type: 'string', format: 'id-card', 'x-pii': 'id' }, uscc: { type: 'string', format: 'uscc' }, phone: { type: 'string', format: 'mobile', 'x-ui': { widget: 'tel' } },
    }));
    expect(validate({ birth: '2024-02-30', mail: 'nobody', idNo: '310101199001011235', uscc: '91310112MA1GB3K720', phone: '12345678901' })).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath).sort()).toEqual(['/birth', '/idNo', '/mail', '/phone', '/uscc']);
    expect(validate({ birth: '2024-02-29', mail: 'a@b.cn', uscc: '91310112MA1GB3K724', phone: '13812345678' })).toBe(true);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('compiles each distinct schema once', () => {
    const schema = form({ n: { type: 'integer', minimum: 1 } });
    const first = formValidator(schema);
    const count = compiledFormCount();
    expect(formValidator(JSON.parse(JSON.stringify(schema)))).toBe(first);
    expect(compiledFormCount()).toBe(count);
  });

  it('an item whose form names an unknown format is refused with 400 on the form field', async () => {
    const r = await (await t.as('scj.admin')).post('/api/v1/catalog/admin/items', itemBody({ form: form({ birth: { type: 'string', format: 'dtae' } }) }));
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('VALIDATION_FAILED');
    expect(r.json().errors).toEqual([{ field: 'form', message: expect.stringContaining('dtae') }]);
  });

  it('a form that is not a valid JSON Schema is refused on the form field; a sound one is accepted', async () => {
    const bad = await (await t.as('scj.admin')).post('/api/v1/catalog/admin/items', itemBody({ form: form({ n: { type: 'integr' } }) }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('form');
    const ok = await (await t.as('scj.admin')).post('/api/v1/catalog/admin/items', itemBody({ form: form({ idNo: { type: 'string', format: 'id-card' } }) }));
    expect(ok.statusCode, ok.body).toBe(201);
  });
});
