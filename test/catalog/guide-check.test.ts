import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { itemBody } from './factory.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

type Finding = { element: string; rule: string; message: string; suggestion: string; severity: string };
type ItemCheck = { key: string; score: number; findings: Finding[] };

async function publish(over: Parameters<typeof itemBody>[0]) {
  const body = itemBody(over);
  const created = await (await t.as(body.agencyId === 'mh-wjw' ? 'wjw.admin' : 'scj.admin')).post('/api/v1/catalog/admin/items', body);
  expect(created.statusCode, created.body).toBe(201);
  expect((await (await t.as('admin.sun')).post(`/api/v1/catalog/admin/items/${body.key}/publish`, {})).statusCode).toBe(200);
  return body.key;
}
const check = async (key: string): Promise<ItemCheck> => (await (await t.as('admin.sun')).get(`/api/v1/catalog/items/${key}/guide-check`)).json();
const rules = (c: ItemCheck) => c.findings.map((f) => f.rule).sort();

describe('guide accuracy check (seed 004 #30–41)', () => {
  it('a complete guide has no findings and scores 100', async () => {
    const c = await check(await publish({ key: 'gc-clean' }));
    expect(c.findings).toEqual([]);
    expect(c.score).toBe(100);
  });

  it('reports an address without room and window, non-standard hours and a missing phone, with suggestions', async () => {
    const key = await publish({ key: 'gc-basic-info', location: '上海市闵行区沪闵路6258号', hours: '工作日白天', phone: null });
    const c = await check(key);
    expect(rules(c)).toEqual(['hours.format', 'location.room', 'location.window', 'phone.missing']);
    const hours = c.findings.find((f) => f.rule === 'hours.format')!;
    expect(hours).toMatchObject({ element: '办理时间', severity: 'warning' });
    expect(hours.suggestion).toContain('星期一至星期五 上午9:00-12:00，下午13:00-17:00（法定节假日除外）');
    expect(c.score).toBe(100 - 5 - 5 - 5 - 15);
  });

  it('reports materials without issuer or copies, and form-type materials without blank or sample forms', async () => {
    const key = await publish({
      key: 'gc-materials',
      materials: [
        { name: '场所平面图', source: '其他', sourceAgency: null, originals: 0, copies: 0, medium: 'paper', required: true, note: null, eLicenceType: null, exemptable: false, count: 1, maxSizeMb: 10 },
        { name: '卫生许可申请表', source: '申请人自备', sourceAgency: null, originals: 1, copies: 0, medium: 'paper', required: true, note: null, eLicenceType: null, exemptable: false, count: 1, maxSizeMb: 10 },
      ],
    });
    expect(rules(await check(key))).toEqual(['material.blank_form', 'material.copies', 'material.issuer', 'material.sample_form']);
  });

  it('reports process steps without time limit or handler, limits not cut, and missing legal basis, conditions and result', async () => {
    const key = await publish({
      key: 'gc-process',
      processSteps: [{ name: '受理', limit: null, handler: '综合窗口', standard: '材料齐全' }, { name: '审查', limit: '5个工作日', handler: null, standard: '符合条件' }],
      committedLimit: { days: 20, unit: 'working' },
      legalBasis: null,
      conditions: null,
      resultName: null,
    });
    expect(rules(await check(key))).toEqual(['conditions.missing', 'legal_basis.missing', 'limit.not_shorter', 'process.handler', 'process.limit', 'result_name.missing']);
  });

  it('a committed limit longer than the legal one is an error; natural days are compared as working days', async () => {
    const longer = await check(await publish({ key: 'gc-limit-longer', legalLimit: { days: 10, unit: 'working' }, committedLimit: { days: 12, unit: 'working' } }));
    expect(longer.findings).toEqual([expect.objectContaining({ rule: 'limit.longer', severity: 'error' })]);
    const natural = await check(await publish({ key: 'gc-limit-natural', legalLimit: { days: 20, unit: 'working' }, committedLimit: { days: 14, unit: 'natural' } }));
    expect(natural.findings).toEqual([]);
  });

  it('an undeclared visit count and a visit count above the 网办深度 are reported', async () => {
    expect(rules(await check(await publish({ key: 'gc-visits-missing', visits: null })))).toEqual(['visits.missing']);
    expect(rules(await check(await publish({ key: 'gc-visits-depth', onlineDepth: 3, visits: 2, noVisit: false })))).toEqual(['visits.depth']);
  });

  it('the report scores each department as the average of its items and lets a department admin see only its own', async () => {
    await publish({ key: 'gc-wjw-flawed', agencyId: 'mh-wjw', phone: null });
    const report = (await (await t.as('admin.sun')).get('/api/v1/catalog/guide-check?agencyId=mh-wjw')).json();
    const items: ItemCheck[] = report.items;
    const dept = report.departments.find((d: { agencyId: string }) => d.agencyId === 'mh-wjw');
    const average = Math.round((items.reduce((s, i) => s + i.score, 0) / items.length) * 10) / 10;
    expect(dept.score).toBe(average);
    expect(items.find((i) => i.key === 'gc-wjw-flawed')!.score).toBe(85);

    const own = (await (await t.as('scj.admin')).get('/api/v1/catalog/guide-check')).json();
    expect(own.departments.map((d: { agencyId: string }) => d.agencyId)).toEqual(['mh-scjgj']);
    expect((await (await t.as('scj.admin')).get('/api/v1/catalog/guide-check?agencyId=mh-wjw')).statusCode).toBe(403);
    expect((await t.anon.get('/api/v1/catalog/guide-check')).statusCode).toBe(401);
    expect((await (await t.as('zhangwei')).get('/api/v1/catalog/guide-check')).statusCode).toBe(403);
  });

  it('the demo district has realistic findings left on purpose, and most guides are clean', async () => {
    const report = (await (await t.as('sup.zheng')).get('/api/v1/catalog/guide-check')).json();
    const demo = (report.items as ItemCheck[]).filter((i) => !i.key.startsWith('gc-'));
    expect(demo.length).toBeGreaterThanOrEqual(40);
    const flawed = demo.filter((i) => i.findings.length > 0);
    expect(flawed.length).toBeGreaterThan(0);
    expect(flawed.length).toBeLessThan(demo.length / 2);
  });
});
