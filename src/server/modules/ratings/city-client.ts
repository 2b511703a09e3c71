import { randomUUID } from 'node:crypto';

/** What the city 好差评 system receives for one rating (fields of GB/T 39734: 办件编号, 评价渠道, 评价人, 时间, 次数, 满意度, 文字, 区划). */
export interface CityRatingRecord {
  ratingId: string;
  kind: 'case' | 'visit';
  caseNo: string | null;
  itemId: string | null;
  agencyId: string | null;
  hallId: string | null;
  windowId: string | null;
  level: number;
  comment: string | null;
  channel: string;
  realName: boolean;
  ratingSeq: number;
  regionCode: string;
  ratedAt: string;
}

/** The city rating system (市"好差评"系统). Only ratings it has acknowledged count in the city's figures. */
export interface CityRatingClient {
  push(record: CityRatingRecord): Promise<{ cityRef: string }>;
}

/** Local stand-in used by default (demo, tests, development): acknowledges and remembers what it received. */
export class FakeCityRatingClient implements CityRatingClient {
  readonly received: CityRatingRecord[] = [];
  /** Number of next calls that fail, to exercise retries. */
  failNext = 0;
  async push(record: CityRatingRecord) {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('市好差评系统暂不可用（模拟）');
    }
    this.received.push(record);
    return { cityRef: `HCP-${randomUUID().slice(0, 8).toUpperCase()}` };
  }
}

/** Adapter for the real city interface: JSON over HTTPS with a bearer token, 10-second timeout. */
export class HttpCityRatingClient implements CityRatingClient {
  constructor(private url: string, private token: string | undefined) {}
  async push(record: CityRatingRecord) {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify(record),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`市好差评系统返回 ${res.status}`);
    const body = (await res.json()) as { ref?: string; id?: string };
    const cityRef = body.ref ?? body.id;
    if (!cityRef) throw new Error('市好差评系统未返回回执编号');
    return { cityRef };
  }
}

let client: CityRatingClient | null = null;

/** The configured client: TONGBAN_CITY_RATING_URL selects the real adapter, otherwise the local fake. */
export function cityRatingClient(): CityRatingClient {
  if (!client) {
    const url = process.env.TONGBAN_CITY_RATING_URL;
    client = url ? new HttpCityRatingClient(url, process.env.TONGBAN_CITY_RATING_TOKEN) : new FakeCityRatingClient();
  }
  return client;
}

/** Replaces the client (tests, or a deployment wiring its own adapter). */
export function setCityRatingClient(c: CityRatingClient): void {
  client = c;
}
