/**
 * The city's unified acceptance platform (市统一受理平台) as seen from here: push a batch of records, get an answer
 * per record. Two adapters behind one interface: HTTP to CITY_EXCHANGE_URL, and a local recorder that checks and
 * acknowledges so the demo and tests work offline.
 */
export interface OutgoingRecord {
  recordId: number;
  kind: string;
  seq: number;
  stepCode: string;
  body: Record<string, unknown>;
}

/** The platform's answer for one record: ok with an ack code, or a business error code (not retried). */
export interface PushAnswer {
  recordId: number;
  ok: boolean;
  code: string;
  message?: string;
}

/** Thrown when the platform could not be reached or answered with a server error: the batch is retried later. */
export class TransientPushError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export interface CityPlatformClient {
  readonly name: string;
  push(records: OutgoingRecord[]): Promise<PushAnswer[]>;
}

const EXCHANGE_TIME = /^\d{8}T\d{6}$/;

/**
 * Accepts and acknowledges like the platform would, checking what the city's quality checks look at (seed 004 #19):
 * a 33-character 业务办理项编码, the acceptance unit's USCC, and well-formed times. Keeps the last records it got.
 */
export class RecorderClient implements CityPlatformClient {
  readonly name = 'recorder';
  readonly received: OutgoingRecord[] = [];

  async push(records: OutgoingRecord[]): Promise<PushAnswer[]> {
    this.received.push(...records);
    if (this.received.length > 1000) this.received.splice(0, this.received.length - 1000);
    return records.map((r) => {
      const b = r.body;
      if (typeof b.handlingCode !== 'string' || b.handlingCode.length !== 33) return { recordId: r.recordId, ok: false, code: 'E101', message: '业务办理项编码缺失或长度不为33位' };
      if (r.kind === 'accept' && (typeof b.agencyUscc !== 'string' || b.agencyUscc.length !== 18)) return { recordId: r.recordId, ok: false, code: 'E102', message: '受理单位统一社会信用代码缺失' };
      if (typeof b.businessTime !== 'string' || !EXCHANGE_TIME.test(b.businessTime)) return { recordId: r.recordId, ok: false, code: 'E103', message: '业务时间格式应为 YYYYMMDDThhmmss' };
      // 材料数据: an e-licence material without its 派生件编号 is an error the city counts (indicator #19).
      if (Array.isArray(b.materials) && b.materials.some((m: any) => m?.collectionMethod === '电子证照引用' && !m?.eLicenceDerivedNo)) return { recordId: r.recordId, ok: false, code: 'E104', message: '收取方式为电子证照引用，但未传电子证照派生件编号' };
      return { recordId: r.recordId, ok: true, code: '0000' };
    });
  }
}

/**
 * Posts JSON { records } and reads { results: [{ recordId, code, message }] }; code '0'/'0000'/'OK' is an ack.
 * Network errors, timeouts and 5xx are transient; a record missing from the answer is treated as not delivered.
 */
export class HttpCityClient implements CityPlatformClient {
  readonly name = 'http';
  constructor(private readonly url: string, private readonly token?: string, private readonly timeoutMs = 10_000, private readonly fetchFn: typeof fetch = fetch) {}

  async push(records: OutgoingRecord[]): Promise<PushAnswer[]> {
    let res: Response;
    try {
      res = await this.fetchFn(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
        body: JSON.stringify({ records }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new TransientPushError('NETWORK', `无法连接市统一受理平台：${(err as Error).message}`);
    }
    if (res.status >= 500 || res.status === 429 || res.status === 408) throw new TransientPushError(`HTTP_${res.status}`, `市统一受理平台暂不可用（HTTP ${res.status}）`);
    const body = (await res.json().catch(() => null)) as { results?: { recordId: number; code: string; message?: string }[]; code?: string; message?: string } | null;
    if (!res.ok || !body?.results) {
      // A 4xx for the whole batch (auth, format) is not fixed by retrying soon, but it is not the records' fault either.
      throw new TransientPushError(body?.code ?? `HTTP_${res.status}`, body?.message ?? `市统一受理平台拒绝了请求（HTTP ${res.status}）`);
    }
    const byId = new Map(body.results.map((r) => [Number(r.recordId), r]));
    return records.flatMap((r) => {
      const a = byId.get(r.recordId);
      if (!a) return [];
      const ok = ['0', '0000', 'OK', '200'].includes(String(a.code));
      return [{ recordId: r.recordId, ok, code: String(a.code), message: a.message }];
    });
  }
}

let current: CityPlatformClient = new RecorderClient();

export function useCityPlatformClient(client: CityPlatformClient): void {
  current = client;
}
export const cityPlatformClient = () => current;

/** HTTP when CITY_EXCHANGE_URL is set (token from CITY_EXCHANGE_TOKEN), else the local recorder. */
export function clientFromEnv(env: NodeJS.ProcessEnv = process.env): CityPlatformClient {
  return env.CITY_EXCHANGE_URL ? new HttpCityClient(env.CITY_EXCHANGE_URL, env.CITY_EXCHANGE_TOKEN || undefined) : new RecorderClient();
}
