import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex, signRequest } from '../../src/server/modules/materials/storage/sigv4.js';
import { S3Storage } from '../../src/server/modules/materials/storage/s3.js';

const AWS_EXAMPLE = { accessKey: 'AKIAIOSFODNN7EXAMPLE', secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' };

describe('AWS Signature Version 4', () => {
  it('signs the GET Object example of the AWS S3 documentation exactly', () => {
    const h = signRequest(
      { method: 'GET', url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'), headers: { Range: 'bytes=0-9' }, payloadHash: sha256Hex('') },
      AWS_EXAMPLE,
      new Date('2013-05-24T00:00:00Z'),
    );
    expect(h.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('signs the PUT Object example (path with "$", extra amz header) exactly', () => {
    const h = signRequest(
      {
        method: 'PUT',
        url: new URL('https://examplebucket.s3.amazonaws.com/test$file.text'),
        headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
        payloadHash: sha256Hex('Welcome to Amazon S3.'),
      },
      AWS_EXAMPLE,
      new Date('2013-05-24T00:00:00Z'),
    );
    expect(h.authorization).toContain('Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });
});

describe('S3Storage against an S3-like server', () => {
  const objects = new Map<string, { body: Buffer; headers: http.IncomingHttpHeaders }>();
  let server: http.Server;
  let endpoint: string;
  const spool = mkdtempSync(path.join(tmpdir(), 'tb-s3-'));
  beforeAll(async () => {
    server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (req.method === 'PUT') {
        objects.set(req.url!, { body: Buffer.concat(chunks), headers: req.headers });
        res.writeHead(200).end();
      } else {
        const o = objects.get(req.url!);
        if (!o) res.writeHead(404).end();
        else res.writeHead(200).end(o.body);
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(spool, { recursive: true, force: true });
  });

  it('PUTs the spooled bytes with their length and SHA-256 as signed payload hash, and reads them back', async () => {
    const storage = new S3Storage({ endpoint, bucket: 'tongban', accessKey: 'AK', secretKey: 'SK', region: 'cn-shanghai', spoolDir: spool });
    const body = Buffer.from('材料内容 material bytes');
    const w = await storage.begin();
    w.sink.end(body);
    await new Promise((r) => w.sink.on('finish', r));
    const key = await w.commit({ sha256: sha256Hex(body), size: body.length, mime: 'application/pdf' });
    const stored = objects.get(`/tongban/${key}`)!;
    expect(stored.body.equals(body)).toBe(true);
    expect(stored.headers['content-length']).toBe(String(body.length));
    expect(stored.headers['x-amz-content-sha256']).toBe(sha256Hex(body));
    expect(stored.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AK\/\d{8}\/cn-shanghai\/s3\/aws4_request,SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date,Signature=[0-9a-f]{64}$/);
    expect(await text(await storage.open(key))).toBe('材料内容 material bytes');
  });

  it('answers NOT_FOUND for a missing object', async () => {
    const storage = new S3Storage({ endpoint, bucket: 'tongban', accessKey: 'AK', secretKey: 'SK', region: 'cn-shanghai', spoolDir: spool });
    await expect(storage.open('sha256/00/00/missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
