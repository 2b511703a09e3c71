import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { ReadCache } from '../../src/server/modules/catalog/read-cache.js';
import { itemBody } from './factory.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const publish = async (key: string) => {
  const r = await (await t.as('admin.sun')).post(`/api/v1/catalog/admin/items/${key}/publish`, {});
  expect(r.statusCode, r.body).toBe(200);
};
const search = async (q: string) => (await t.anon.get(`/api/v1/catalog/search?q=${encodeURIComponent(q)}`)).json();

describe('catalog read cache (guide page and search)', () => {
  it('a guide and a search read just before a publish show the new version right after it', async () => {
    const created = await (await t.as('scj.admin')).post('/api/v1/catalog/admin/items', itemBody({ key: 'cache-publish', name: '苹果甲许可' }));
    expect(created.statusCode, created.body).toBe(201);
    await publish('cache-publish');
    expect((await t.anon.get('/api/v1/catalog/items/cache-publish')).json()).toMatchObject({ version: 1, name: '苹果甲许可' });
    expect((await search('香蕉')).items.map((i: { key: string }) => i.key)).not.toContain('cache-publish');

    await (await t.as('scj.admin')).patch('/api/v1/catalog/admin/items/cache-publish', { name: '香蕉乙许可' });
    // A draft is not public: the cached guide (v1) is still the right answer.
    expect((await t.anon.get('/api/v1/catalog/items/cache-publish')).json()).toMatchObject({ version: 1 });
    await publish('cache-publish');

    const guide = (await t.anon.get('/api/v1/catalog/items/cache-publish')).json();
    expect(guide).toMatchObject({ version: 2, name: '香蕉乙许可' });
    expect(guide.channelPublication.find((c: { channel: string }) => c.channel === 'pc').versionId).toBe(guide.id);
    expect((await search('香蕉')).items.map((i: { key: string }) => i.key)).toContain('cache-publish');
  });

  it('an unknown or unpublished item is not remembered: it appears as soon as it is published', async () => {
    expect((await t.anon.get('/api/v1/catalog/items/cache-late')).statusCode).toBe(404);
    await (await t.as('scj.admin')).post('/api/v1/catalog/admin/items', itemBody({ key: 'cache-late' }));
    const unpublished = await t.anon.get('/api/v1/catalog/items/cache-late');
    expect(unpublished.statusCode).toBe(409);
    expect(unpublished.json().code).toBe('ITEM_NOT_PUBLISHED');
    await publish('cache-late');
    expect((await t.anon.get('/api/v1/catalog/items/cache-late')).statusCode).toBe(200);
  });
});

describe('ReadCache', () => {
  const db = {};

  it('concurrent requests share one load, and the value is kept for the TTL only', async () => {
    const cache = new ReadCache<number>(1000, 10);
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cache.get(db, 'k', load, 0), cache.get(db, 'k', load, 10)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await cache.get(db, 'k', load, 999)).toBe(1);
    expect(await cache.get(db, 'k', load, 1000)).toBe(2);
  });

  it('a failed load is not kept, so the next request tries again', async () => {
    const cache = new ReadCache<string>(1000, 10);
    await expect(cache.get(db, 'k', () => Promise.reject(new Error('down')), 0)).rejects.toThrow('down');
    await Promise.resolve();
    expect(await cache.get(db, 'k', async () => 'up', 1)).toBe('up');
  });

  it('holds at most maxEntries, forgetting the oldest first; clear and TTL 0 load every time', async () => {
    const cache = new ReadCache<string>(1000, 2);
    let loads = 0;
    const load = (v: string) => async () => (loads++, v);
    await cache.get(db, 'a', load('a'), 0);
    await cache.get(db, 'b', load('b'), 0);
    await cache.get(db, 'c', load('c'), 0);
    expect(loads).toBe(3);
    await cache.get(db, 'b', load('b'), 1);
    await cache.get(db, 'c', load('c'), 1);
    expect(loads).toBe(3);
    await cache.get(db, 'a', load('a'), 1);
    expect(loads).toBe(4);
    cache.clear(db);
    await cache.get(db, 'a', load('a'), 2);
    expect(loads).toBe(5);
    cache.ttlMs = 0;
    await cache.get(db, 'a', load('a'), 2);
    expect(loads).toBe(6);
  });

  it('keeps separate values per database handle', async () => {
    const cache = new ReadCache<string>(1000, 10);
    await cache.get({ n: 1 }, 'k', async () => 'one', 0);
    const other = {};
    expect(await cache.get(other, 'k', async () => 'two', 0)).toBe('two');
  });
});
