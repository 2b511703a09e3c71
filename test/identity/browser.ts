/**
 * A small browser for protocol tests: a cookie jar shared per host (as real browsers do, ports included), manual
 * redirects so each hop's cookies are kept, and form posts.
 */
interface StoredCookie {
  value: string;
  path: string;
}

export class Browser {
  private jar = new Map<string, Map<string, StoredCookie>>();

  cookies(url: string): Record<string, string> {
    const u = new URL(url);
    const out: Record<string, string> = {};
    for (const [name, c] of this.jar.get(u.hostname) ?? []) if (u.pathname.startsWith(c.path)) out[name] = c.value;
    return out;
  }

  async fetch(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const cookie = Object.entries(this.cookies(url)).map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...init.headers },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    this.store(url, res.headers.getSetCookie());
    return res;
  }

  /** Follows redirects (as GET) until a non-redirect answer, or until `stop` says the next URL is the destination. */
  async follow(url: string, init: Parameters<Browser['fetch']>[1] = {}, stop?: (next: URL) => boolean) {
    let current = url;
    let res = await this.fetch(current, init);
    const chain = [current];
    for (let i = 0; i < 20 && res.status >= 300 && res.status < 400; i++) {
      const next = new URL(res.headers.get('location')!, current);
      if (stop?.(next)) return { res, url: current, next, chain };
      current = next.href;
      chain.push(current);
      res = await this.fetch(current);
    }
    return { res, url: current, next: null, chain };
  }

  private store(url: string, setCookies: string[]) {
    const host = new URL(url).hostname;
    const cookies = this.jar.get(host) ?? new Map<string, StoredCookie>();
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = (key: string) => attrs.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const expires = attr('expires');
      const maxAge = attr('max-age');
      const gone = value === '' || (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && new Date(expires) <= new Date());
      if (gone) cookies.delete(name);
      else cookies.set(name, { value, path: attr('path') ?? '/' });
    }
    this.jar.set(host, cookies);
  }
}

/** The action URLs of the forms in an HTML page. */
export const formActions = (html: string) => [...html.matchAll(/<form method="post" action="([^"]+)"/g)].map((m) => m[1]);

/** Starts a login in the web app and follows it to the built-in provider's login page; returns the page's form actions. */
export async function openLoginPage(b: Browser, base: string, kind: 'staff' | 'person', returnTo = '/workbench') {
  const { res, url } = await b.follow(`${base}/api/v1/auth/login?returnTo=${encodeURIComponent(returnTo)}&kind=${kind}`);
  if (res.status !== 200 || !/\/oidc\/interaction\/[\w-]+$/.test(url)) throw new Error(`login page not reached: ${res.status} ${url}`);
  const html = await res.text();
  const action = (suffix: string) => `${base}${formActions(html).find((a) => a.endsWith(suffix))}`;
  const otpSend = action('/otp/send');
  // The code form appears once a code was sent; it posts next to the send form.
  return { html, url, password: action('/password'), otpSend, otpVerify: otpSend.replace(/\/otp\/send$/, '/otp/verify') };
}
