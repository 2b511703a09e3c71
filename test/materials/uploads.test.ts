import { createHash } from 'node:crypto';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { sm3Hex } from '../../src/server/platform/crypto/digest.js';
import { getUploads, linkUploadToCase, openUpload } from '../../src/server/modules/materials/service.js';
import { text } from 'node:stream/consumers';
import { docxBytes, exeBytes, jpegBytes, multipart, ofdBytes, pdfBytes, pngBytes } from './files.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

/** Uploads a file as a demo account; query holds itemVersionId/materialId/onBehalfOfUserId. */
async function upload(login: string, file: { name: string; data: Buffer; type?: string; field?: string } | null, query = '', fields: Record<string, string> = {}) {
  const r = await t.as(login);
  const mp = multipart(file, fields);
  return t.app.inject({ method: 'POST', url: `/api/v1/materials/uploads${query}`, headers: { authorization: `Bearer ${r.token}`, ...mp.headers }, payload: mp.payload });
}
const userId = async (login: string) => (await (await t.as(login)).get('/api/v1/me')).json().id as string;
const content = async (login: string, id: string) => (await t.as(login)).get(`/api/v1/materials/uploads/${id}/content`);
const storageFiles = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? storageFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])) : [];

describe('material upload', () => {
  it('stores a PDF with its SHA-256 and SM3 digests and the type found in its bytes', async () => {
    const data = pdfBytes('营业执照副本');
    const res = await upload('zhangwei', { name: '营业执照.pdf', data });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      fileName: '营业执照.pdf',
      mime: 'application/pdf',
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      sm3: sm3Hex(data),
      scannedAtWindow: false,
    });
  });

  it('judges the type by content, not by the file name', async () => {
    const renamedExe = await upload('zhangwei', { name: '身份证.pdf', data: exeBytes(), type: 'application/pdf' });
    expect(renamedExe.statusCode).toBe(415);
    expect(renamedExe.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
    const pngAsTxt = await upload('zhangwei', { name: 'scan.txt', data: pngBytes(), type: 'text/plain' });
    expect(pngAsTxt.statusCode).toBe(201);
    expect(pngAsTxt.json().mime).toBe('image/png');
  });

  it('recognises OFD, DOCX and JPEG', async () => {
    expect((await upload('zhangwei', { name: 'a', data: ofdBytes() })).json().mime).toBe('application/ofd');
    expect((await upload('zhangwei', { name: 'b', data: docxBytes() })).json().ext).toBe('docx');
    expect((await upload('zhangwei', { name: 'c', data: jpegBytes() })).json().mime).toBe('image/jpeg');
  });

  it('refuses a file over the default 20 MB with 413 and keeps nothing', async () => {
    const before = storageFiles(t.config.storageDir).length;
    const rowsBefore = await t.db.selectFrom('material_uploads').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(20 * 1024 * 1024 + 1, 0x20)]);
    const res = await upload('zhangwei', { name: 'big.pdf', data: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('FILE_TOO_LARGE');
    expect(storageFiles(t.config.storageDir).length).toBe(before);
    const rowsAfter = await t.db.selectFrom('material_uploads').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(rowsAfter.n)).toBe(Number(rowsBefore.n));
  });

  it('refuses an empty file with FILE_EMPTY and a missing file part with 400', async () => {
    const empty = await upload('zhangwei', { name: 'empty.pdf', data: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('FILE_EMPTY');
    const wrongField = await upload('zhangwei', { name: 'x.pdf', data: pdfBytes(), field: 'attachment' });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().field).toBe('file');
  });

  it('requires login and rejects half of an item/material pair', async () => {
    const mp = multipart({ name: 'a.pdf', data: pdfBytes() });
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/materials/uploads', headers: mp.headers, payload: mp.payload });
    expect(anon.statusCode).toBe(401);
    const half = await upload('zhangwei', { name: 'a.pdf', data: pdfBytes() }, '?itemVersionId=abc');
    expect(half.statusCode).toBe(400);
    expect(half.json().field).toBe('materialId');
  });
});

describe('reading a material', () => {
  it('streams the exact bytes back to the owner, inline for PDF, with nosniff', async () => {
    const data = pdfBytes('户口簿');
    const id = (await upload('zhangwei', { name: '户口簿.pdf', data })).json().id;
    const res = await content('zhangwei', id);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(data)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(`inline; filename="___.pdf"; filename*=UTF-8''${encodeURIComponent('户口簿.pdf')}`);
  });

  it('offers non-previewable formats as a download', async () => {
    const id = (await upload('zhangwei', { name: '申请表.docx', data: docxBytes() })).json().id;
    expect((await content('zhangwei', id)).headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('shows the file to staff only when a case of their agency uses it; the window clerk sees any linked file', async () => {
    const id = (await upload('lina', { name: '租赁合同.pdf', data: pdfBytes('lease') })).json().id;
    expect((await content('wangfang', id)).statusCode).toBe(403);
    expect((await content('scj.reviewer', id)).statusCode).toBe(403);
    expect((await content('clerk.zhou', id)).statusCode).toBe(403);
    await linkUploadToCase(t.db, id, 'case-0001', ['mh-scjgj']);
    expect((await content('scj.reviewer', id)).statusCode).toBe(200);
    expect((await content('wjw.reviewer', id)).statusCode).toBe(403);
    expect((await content('clerk.zhou', id)).statusCode).toBe(200);
    expect((await t.anon.get(`/api/v1/materials/uploads/${id}/content`)).statusCode).toBe(401);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await content('zhangwei', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await content('zhangwei', 'not-a-uuid')).statusCode).toBe(400);
  });

  it('audits uploads and downloads', async () => {
    const id = (await upload('liuyang', { name: 'x.png', data: pngBytes() })).json().id;
    await content('liuyang', id);
    const actions = await t.db.selectFrom('audit_events').select('action').where('target_id', '=', id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['materials.upload', 'materials.download']);
  });
});

describe('window scans and the materials library', () => {
  it('lets a window clerk scan for an applicant, who then finds it in their library and can open it', async () => {
    const zhangwei = await userId('zhangwei');
    const res = await upload('clerk.zhou', { name: '窗口扫描.pdf', data: pdfBytes('scan') }, `?onBehalfOfUserId=${zhangwei}`);
    expect(res.statusCode).toBe(201);
    expect(res.json().scannedAtWindow).toBe(true);
    const mine = (await (await t.as('zhangwei')).get('/api/v1/materials/mine')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(res.json().id);
    expect((await content('zhangwei', res.json().id)).statusCode).toBe(200);
    const row = await t.db.selectFrom('material_uploads').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.owner_user_id).toBe(await userId('clerk.zhou'));
  });

  it('accepts the on-behalf field as a form field sent before the file', async () => {
    const res = await upload('clerk.wu', { name: 'f.pdf', data: pdfBytes() }, '', { onBehalfOfUserId: await userId('wangfang') });
    expect(res.statusCode).toBe(201);
    expect(res.json().scannedAtWindow).toBe(true);
  });

  it('does not let a resident upload on someone else\'s behalf, nor a clerk for an unknown person', async () => {
    const denied = await upload('liuyang', { name: 'f.pdf', data: pdfBytes() }, `?onBehalfOfUserId=${await userId('zhangwei')}`);
    expect(denied.statusCode).toBe(403);
    const unknown = await upload('clerk.zhou', { name: 'f.pdf', data: pdfBytes() }, '?onBehalfOfUserId=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().field).toBe('onBehalfOfUserId');
  });

  it('lists only the user\'s own materials, newest first, with how many cases use each', async () => {
    const first = (await upload('chenjie', { name: '1.pdf', data: pdfBytes('1') })).json().id;
    const second = (await upload('chenjie', { name: '2.pdf', data: pdfBytes('2') })).json().id;
    await linkUploadToCase(t.db, first, 'case-a', ['mh-scjgj']);
    await linkUploadToCase(t.db, first, 'case-b', ['mh-wjw']);
    const mine = (await (await t.as('chenjie')).get('/api/v1/materials/mine?limit=10')).json();
    expect(mine.total).toBe(2);
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([second, first]);
    expect(mine.items[1].usedInCases).toBe(2);
  });
});

describe('contract for the cases module', () => {
  it('getUploads filters by owner and openUpload streams the bytes', async () => {
    const id = (await upload('wangfang', { name: 'w.pdf', data: pdfBytes('w') })).json().id;
    const owner = await userId('wangfang');
    expect((await getUploads(t.db, [id], owner))[0]).toMatchObject({ id, fileName: 'w.pdf', mime: 'application/pdf', ownerUserId: owner });
    expect(await getUploads(t.db, [id], await userId('zhangwei'))).toEqual([]);
    const opened = await openUpload(t.db, id);
    expect(await text(opened.stream)).toBe(pdfBytes('w').toString());
  });

  it('linkUploadToCase refuses an unknown upload', async () => {
    await expect(linkUploadToCase(t.db, '00000000-0000-4000-8000-000000000000', 'c', ['mh-scjgj'])).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
