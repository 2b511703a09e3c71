import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { toSearchTerms, toTsvectorLiteral } from '../../src/server/modules/catalog/segment.js';
import { itemBody } from './factory.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

type Hit = { key: string; name: string; lifeEvents: string[]; highlights: { name: string }; matchedIn: string[] };
const search = async (q: string, extra = '') => {
  const res = await t.anon.get(`/api/v1/catalog/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { mode: string; items: Hit[] };
};

describe('catalog search in Chinese', () => {
  it('"食品" ranks the items named after food licences first, with the word highlighted', async () => {
    const { items } = await search('食品');
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const hit of items.slice(0, 3)) expect(hit.name).toContain('食品');
    expect(items[0].highlights.name).toContain('<em>食品</em>');
  });

  it('"开饭店" finds the items tagged with that life event although no name contains it', async () => {
    const { items } = await search('开饭店');
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const hit of items.slice(0, 3)) expect(hit.lifeEvents).toContain('开饭店');
    expect(items.map((i) => i.key)).toContain('food-business-licence');
    expect(items[0].matchedIn).toContain('lifeEvents');
  });

  it('"居住证" puts residence-permit items on top, the first-time application (its exact synonym) first', async () => {
    const { items } = await search('居住证');
    for (const hit of items.slice(0, 3)) expect(hit.name).toContain('居住证');
    expect(items[0].key).toBe('residence-permit');
  });

  it('as-you-type prefixes match: "居住" already finds 居住证 items, "食品经" finds the food business licence', async () => {
    expect((await search('居住')).items[0].name).toContain('居住');
    expect((await search('食品经')).items[0].name).toContain('食品经营');
  });

  it('synonyms count like the name: the colloquial "良民证" finds the no-criminal-record certificate', async () => {
    const { items } = await search('良民证');
    expect(items[0]?.key).toBe('no-criminal-record-certificate');
    expect(items[0].matchedIn).toContain('synonyms');
  });

  it('filters narrow the results: by department and by audience', async () => {
    const byAgency = await search('许可', '&agencyId=mh-wjw');
    expect(byAgency.items.length).toBeGreaterThan(0);
    expect(byAgency.items.every((i) => (i as unknown as { agencyId: string }).agencyId === 'mh-wjw')).toBe(true);
    const personal = await search('居住证', '&audience=个人');
    expect(personal.items.every((i) => (i as unknown as { audience: string[] }).audience.includes('个人'))).toBe(true);
  });

  it('only published versions are found: a draft item is invisible until published', async () => {
    await (await t.as('scj.admin')).post('/api/v1/catalog/admin/items', itemBody({ key: 'search-draft', name: '蜂蜜小作坊登记', synonyms: ['蜂蜜作坊'] }));
    expect((await search('蜂蜜')).items).toHaveLength(0);
    await (await t.as('admin.sun')).post('/api/v1/catalog/admin/items/search-draft/publish', {});
    expect((await search('蜂蜜')).items.map((i) => i.key)).toEqual(['search-draft']);
  });

  it('when not every word matches, any word is enough (loose mode) rather than nothing', async () => {
    const res = await search('食品 火箭发射');
    expect(res.mode).toBe('loose');
    expect(res.items[0].name).toContain('食品');
  });

  it('hostile or empty queries get a 4xx or an empty list, never a 500', async () => {
    expect((await t.anon.get('/api/v1/catalog/search?q=')).statusCode).toBe(400);
    expect((await t.anon.get(`/api/v1/catalog/search?q=${'长'.repeat(60)}`)).statusCode).toBe(400);
    for (const q of ["'", '\\', '!:*&|()', "食品' | '", '<script>']) {
      const res = await t.anon.get(`/api/v1/catalog/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
    }
  });
});

describe('segmentation', () => {
  it('keeps short tags whole and escapes quotes in lexemes', () => {
    const v = toTsvectorLiteral([{ weight: 'B', texts: ["开饭店", "O'Brien"], whole: true }]);
    expect(v).toContain("'开饭店':");
    expect(v).toContain("'o''brien':");
  });

  it('drops single characters when a query has longer words, and makes the last word a prefix', () => {
    expect(toSearchTerms('开饭店')!.strict).toBe("'开饭店':* | ('饭店':*)");
    expect(toSearchTerms('！！')).toBeNull();
  });
});
