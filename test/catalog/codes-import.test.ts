import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { itemBody } from './factory.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const create = async (over: Parameters<typeof itemBody>[0]) => (await t.as('scj.admin')).post('/api/v1/catalog/admin/items', itemBody(over));

function importItem(over: Record<string, unknown>) {
  const { mainCode: _m, subCode: _s, level: _l, ...rest } = itemBody();
  return { ...rest, level: '4', ...over };
}

describe('item codes (GB/T 39554.1) on creation', () => {
  it('builds the 12-char basic, 31-char implementation and 33-char handling codes from the parts', async () => {
    const res = await create({ key: 'codes-ok', itemType: '01', mainCode: '0A123', subCode: '002', level: '4' });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    expect(v.basicCode).toBe('31010A123002');
    expect(v.implementationCode).toBe('11310112MB2002758B431010A123002');
    expect(v.situations[0].handlingCode).toBe('11310112MB2002758B431010A12300201');
    expect((await t.anon.post('/api/v1/validate', { type: 'itemCode', value: v.situations[0].handlingCode })).json()).toEqual({ valid: true });
  });

  it.each([
    [{ itemType: '11' }, 'itemType', '事项类型'],
    [{ mainCode: '12' }, 'mainCode', '主项编码'],
    [{ mainCode: 'ab123' }, 'mainCode', '主项编码'],
    [{ subCode: '1A' }, 'subCode', '子项编码'],
    [{ level: '8' }, 'level', '行使层级'],
  ])('refuses bad code parts %o with INVALID_ITEM_CODE and the reason', async (over, field, reason) => {
    const res = await create(over);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_ITEM_CODE', field });
    expect(res.json().detail).toContain(reason);
  });

  it('refuses a second item with the same key or the same implementation code (409)', async () => {
    const first = itemBody({ key: 'codes-dup' });
    expect((await (await t.as('scj.admin')).post('/api/v1/catalog/admin/items', first)).statusCode).toBe(201);
    expect((await create({ key: 'codes-dup' })).json().code).toBe('ITEM_KEY_TAKEN');
    const sameCode = await create({ key: 'codes-dup-2', mainCode: first.mainCode });
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.json().code).toBe('ITEM_CODE_TAKEN');
  });

  it('rejects unknown fields, wrong types and an invalid form schema with 400 and the field path', async () => {
    const unknown = await (await t.as('scj.admin')).post('/api/v1/catalog/admin/items', { ...itemBody(), colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    const wrongType = await create({ onlineDepth: 7 as never });
    expect(wrongType.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'onlineDepth' });
    const badForm = await create({ form: { type: 'object', properties: { a: { type: 'strin' } } } });
    expect(badForm.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'form' });
    const badFile = await create({ materials: [{ ...itemBody().materials[0], blankFormFileId: '00000000-0000-4000-8000-000000000000' }] });
    expect(badFile.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'materials.0.blankFormFileId' });
  });
});

describe('import of items from other catalogues', () => {
  it('accepts older and provincial code formats, stores them as given and lists warnings', async () => {
    const res = await (await t.as('admin.sun')).post('/api/v1/catalog/admin/import', {
      items: [
        importItem({ key: 'import-old', itemType: '01', basicCode: '310100123000', implementationCode: '11310112MB2002758B4310100123000' }),
        importItem({ key: 'import-sichuan', itemType: '01', basicCode: 'SC0100123', implementationCode: '5100000000-01-00123', handlingCodes: { '01': '5100000000-01-00123-01' } }),
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.created.map((c: { key: string }) => c.key)).toEqual(['import-old', 'import-sichuan']);
    expect(body.warnings.filter((w: { key: string }) => w.key === 'import-old')).toEqual([]);
    const sichuan = body.warnings.filter((w: { key: string }) => w.key === 'import-sichuan').map((w: { field: string }) => w.field);
    expect(sichuan).toEqual(['basicCode', 'implementationCode', 'handlingCodes.01']);
    const draft = (await (await t.as('admin.sun')).get('/api/v1/catalog/items/import-sichuan/versions/1')).json();
    expect(draft).toMatchObject({ status: 'draft', implementationCode: '5100000000-01-00123', codeWarnings: expect.arrayContaining([expect.objectContaining({ field: 'basicCode' })]) });
    expect(draft.situations[0].handlingCode).toBe('5100000000-01-00123-01');
  });

  it('is all or nothing: an unknown agency or an existing key stops the whole batch', async () => {
    const res = await (await t.as('admin.sun')).post('/api/v1/catalog/admin/import', {
      items: [
        importItem({ key: 'import-good', basicCode: '310100999000', implementationCode: '11310112MB2002758B4310100999000' }),
        importItem({ key: 'import-bad', agencyId: 'mh-nowhere', basicCode: 'x', implementationCode: 'y' }),
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'IMPORT_FILE_INVALID', field: 'items.1.agencyId' });
    expect((await t.anon.get('/api/v1/catalog/items/import-good/versions')).statusCode).toBe(404);
  });

  it('only the center admin imports', async () => {
    const res = await (await t.as('scj.admin')).post('/api/v1/catalog/admin/import', { items: [importItem({ key: 'import-x', basicCode: 'a', implementationCode: 'b' })] });
    expect(res.statusCode).toBe(403);
  });
});
