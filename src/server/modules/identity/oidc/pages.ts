/**
 * The provider's interaction pages: plain server-rendered HTML in Chinese, usable without JavaScript, with labels
 * on every field, an alert region for errors and autocomplete hints (one-time-code, username, current-password).
 */
const esc = (v: unknown) =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:"PingFang SC","Microsoft YaHei",system-ui,sans-serif;background:#f0f2f5;margin:0;color:#1f1f1f}
main{max-width:420px;margin:48px auto;background:#fff;padding:24px 32px;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px;border-top:1px solid #eee;padding-top:16px}
label{display:block;margin:12px 0 4px;font-weight:600}input{width:100%;box-sizing:border-box;padding:10px;font-size:16px;border:1px solid #8c8c8c;border-radius:4px}
button{margin-top:14px;padding:10px 18px;font-size:16px;border:0;border-radius:4px;background:#1457b8;color:#fff;cursor:pointer}
button.link{background:none;color:#1457b8;padding:0;text-decoration:underline}
.alert{background:#fff1f0;border:1px solid #ffa39e;padding:10px;border-radius:4px}.info{background:#e6f4ff;border:1px solid #91caff;padding:10px;border-radius:4px}
:focus-visible{outline:3px solid #fa8c16;outline-offset:2px}`;

function layout(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} - 通办统一身份认证</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export interface LoginPageState {
  uid: string;
  /** Which form comes first: staff password or phone code (个人/法人). */
  kind: 'staff' | 'person';
  error?: string;
  info?: string;
  login?: string;
  phone?: string;
  /** After a code was sent: show the code field. */
  codeSent?: boolean;
}

function staffForm(s: LoginPageState): string {
  return `<section aria-labelledby="staff-h"><h2 id="staff-h">工作人员登录</h2>
<form method="post" action="/oidc/interaction/${esc(s.uid)}/password">
<label for="login">工号（登录名）</label><input id="login" name="login" autocomplete="username" required maxlength="64" value="${esc(s.login)}">
<label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
<button type="submit">登录</button></form></section>`;
}

function phoneForms(s: LoginPageState): string {
  const codeForm = s.codeSent
    ? `<form method="post" action="/oidc/interaction/${esc(s.uid)}/otp/verify">
<input type="hidden" name="phone" value="${esc(s.phone)}">
<label for="code">短信验证码（6位数字，5分钟内有效）</label><input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" autocomplete="one-time-code" required maxlength="6">
<button type="submit">登录</button></form>`
    : '';
  return `<section aria-labelledby="person-h"><h2 id="person-h">个人 / 法人登录（手机验证码）</h2>
<form method="post" action="/oidc/interaction/${esc(s.uid)}/otp/send">
<label for="phone">手机号码</label><input id="phone" name="phone" type="tel" inputmode="numeric" autocomplete="tel" required maxlength="11" value="${esc(s.phone)}">
<button type="submit">${s.codeSent ? '重新获取验证码' : '获取验证码'}</button></form>${codeForm}
<p>以企业身份办事：登录后在页面顶部选择要代表的企业（法定代表人或被授权代办人）。</p></section>`;
}

export function loginPage(s: LoginPageState): string {
  const messages = [s.error ? `<p class="alert" role="alert">${esc(s.error)}</p>` : '', s.info ? `<p class="info" role="status">${esc(s.info)}</p>` : ''].join('');
  const forms = s.kind === 'staff' ? staffForm(s) + phoneForms(s) : phoneForms(s) + staffForm(s);
  const cancel = `<form method="post" action="/oidc/interaction/${esc(s.uid)}/abort"><button class="link" type="submit">取消登录</button></form>`;
  return layout('登录', `<h1>通办 统一身份认证</h1><p>登录后办理政务服务事项。</p>${messages}${forms}${cancel}`);
}

export function errorPage(message: string, backHref = '/'): string {
  return layout('登录出错', `<h1>登录未完成</h1><p class="alert" role="alert">${esc(message)}</p><p><a href="${esc(backHref)}">返回首页重新登录</a></p>`);
}
