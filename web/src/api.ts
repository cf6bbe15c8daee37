// The one way the console talks to the platform: attaches the token, turns RFC 9457 problems into Chinese
// messages (with field errors), sends the user back to 登录 on 401, and tells "service not there" apart.
import { currentSession, refreshToken, saveToken, signOut } from './session';
import { FIELDS, codeText } from './labels';

export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface FieldErrorCode {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

export interface Problem {
  status?: number;
  title?: string;
  detail?: string;
  code?: string;
  errors?: Record<string, string[]>;
  /** The same field errors as stable codes with their parameters: what the console translates. */
  fieldErrors?: FieldErrorCode[];
  [extension: string]: unknown;
}

const STATUS_TEXT: Record<number, string> = {
  400: '提交的内容有误，请按提示修改',
  401: '登录已失效，请重新登录',
  403: '没有权限执行此操作',
  404: '未找到，或不在您的查看范围内',
  409: '与当前状态冲突，操作未执行',
  412: '数据已被他人修改，请刷新后重试',
  413: '文件过大',
  415: '文件格式不受支持',
  422: '不符合业务规则，操作未执行',
  428: '请刷新页面后再保存',
  429: '操作过于频繁，请稍后再试',
};

export class ApiError extends Error {
  constructor(
    public status: number,
    public problem: Problem,
    /** The service behind this path is not running or not built yet (404 of a whole route, 502, 503, 504, network). */
    public unavailable: boolean,
  ) {
    super(describe(status, problem, unavailable));
  }

  /** Field errors keyed by the API's camelCase field names, in Chinese. */
  get fieldErrors(): Record<string, string[]> {
    return chineseFieldErrors(this.problem);
  }
}

/** Each field's errors in Chinese, from their codes; a message without a known code is shown as the server sent it. */
function chineseFieldErrors(p: Problem): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const add = (field: string, text: string) => { (result[field] ??= []).push(text); };
  const coded = Array.isArray(p.fieldErrors) ? p.fieldErrors : [];
  // errors[field] lists the same errors, in the same order, in English: the fallback for a code the table lacks.
  const english = (field: string, i: number) => (p.errors && !Array.isArray(p.errors) ? p.errors[field]?.[i] : undefined);
  for (const e of coded) add(e.field, codeText(e.code, e.params) ?? english(e.field, result[e.field]?.length ?? 0) ?? e.code);
  if (coded.length === 0 && p.errors && !Array.isArray(p.errors) && typeof p.errors === 'object')
    for (const [field, messages] of Object.entries(p.errors)) for (const m of Array.isArray(messages) ? messages : [String(messages)]) add(field, m);
  return result;
}

export const UNAVAILABLE = '该功能的服务暂不可用：相关服务未启动或尚未开通，请稍后再试或联系系统管理员。';

function describe(status: number, p: Problem, unavailable: boolean): string {
  if (unavailable) return UNAVAILABLE;
  const coded = p.code && p.code !== 'validation_failed' ? codeText(p.code) : undefined;
  const head = coded || STATUS_TEXT[status] || (status >= 500 ? '服务出现错误，请稍后再试' : '请求未成功');
  const fields = Object.entries(chineseFieldErrors(p)).map(([k, v]) => `${FIELDS[k] ?? k}：${v.join('；')}`).join('；');
  return fields ? `${head}（${fields}）` : head;
}

/** The server's own words (often English), shown under the Chinese message when they add something. */
export const serverDetail = (e: unknown) => (e instanceof ApiError && !e.unavailable ? e.problem.detail : undefined);

let onUnauthorized: () => void = () => {
  if (!location.pathname.startsWith('/login')) location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
};
export const setUnauthorizedHandler = (handler: () => void) => { onUnauthorized = handler; };

export interface RequestOptions {
  method?: string;
  body?: unknown;
  ifMatch?: string;
  /** Read any 404 as "this record is not there", never as "this service is not there". */
  notFoundIsRecord?: boolean;
  headers?: Record<string, string>;
}

export interface Answer<T> {
  data: T;
  etag?: string;
  status: number;
}

let refreshing: Promise<string | undefined> | null = null;

/** The access token, renewed first when it expires within a minute (one refresh at a time, across tabs too). */
async function freshToken(): Promise<string | undefined> {
  const session = currentSession();
  if (!session || session.expiresAt - Date.now() > 60_000 || !refreshToken()) return session?.token;
  if (!refreshing) {
    const renewed = async () => (navigator.locks ? await navigator.locks.request('platform.refresh', renew) : await renew());
    refreshing = renewed().finally(() => { refreshing = null; });
  }
  return refreshing;
}

async function renew(): Promise<string | undefined> {
  const session = currentSession();
  const refresh = refreshToken();
  // Another tab may have renewed it while this one waited for the lock: a refresh token is good for one use only.
  if (!session || !refresh || session.expiresAt - Date.now() > 60_000) return session?.token;
  let response: Response;
  try {
    response = await fetch('/api/identity/token/refresh', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ refresh_token: refresh }),
    });
  } catch {
    return session.token; // offline for a moment: the request itself will say so
  }
  if (response.status === 401) { signOut(); return undefined; }
  if (!response.ok) return session.token;
  const data = (await response.json()) as { access_token: string; refresh_token?: string };
  return saveToken(data.access_token, data.refresh_token)?.token;
}

// Keeps an open console signed in: renews shortly before the 15-minute access token runs out.
setInterval(() => { if (currentSession()) void freshToken(); }, 30_000);

async function send(path: string, o: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...o.headers };
  const token = headers.Authorization ? undefined : await freshToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (o.ifMatch) headers['If-Match'] = o.ifMatch;
  let body: BodyInit | undefined;
  if (o.body instanceof FormData) body = o.body;
  else if (o.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(o.body);
  }
  try {
    return await fetch(path, { method: o.method ?? 'GET', headers, body });
  } catch {
    throw new ApiError(0, { title: 'network' }, true);
  }
}

async function fail(path: string, response: Response, o: RequestOptions): Promise<never> {
  let problem: Problem = {};
  const text = await response.text().catch(() => '');
  try {
    problem = text ? JSON.parse(text) : {};
  } catch {
    problem = { detail: undefined };
  }
  const status = response.status;
  if (status === 401 && !path.startsWith('/api/identity/token')) {
    signOut();
    onUnauthorized();
  }
  // A service's own 404 names the record in `detail`; a bare 404 means no route or endpoint answers that path yet.
  const unavailable = status === 502 || status === 503 || status === 504 || (status === 404 && !problem.detail && !o.notFoundIsRecord);
  throw new ApiError(status, problem, unavailable);
}

export async function request<T>(path: string, o: RequestOptions = {}): Promise<Answer<T>> {
  const response = await send(path, o);
  if (!response.ok) return fail(path, response, o);
  const text = await response.text();
  const data = (text ? JSON.parse(text) : undefined) as T;
  return { data, etag: response.headers.get('ETag') ?? undefined, status: response.status };
}

export const get = async <T>(path: string, notFoundIsRecord = false) => (await request<T>(path, { notFoundIsRecord })).data;
export const post = async <T>(path: string, body?: unknown) => (await request<T>(path, { method: 'POST', body: body ?? {} })).data;

/** Downloads a file (xlsx) with the token attached, saving it under the server's name or the given one. */
export async function download(path: string, fallbackName: string) {
  const response = await send(path, { headers: { Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, */*' } });
  if (!response.ok) return fail(path, response, {});
  // A service that does not export yet ignores format=xlsx and answers JSON: say so instead of saving JSON as .xlsx.
  if ((response.headers.get('Content-Type') ?? '').includes('json')) throw new ApiError(response.status, {}, true);
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Query string from the filled-in values only. */
export function query(values: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface SignInAnswer {
  access_token: string;
  refresh_token?: string | null;
  /** The password was set by an administrator: the token only allows changing it. */
  password_change_required?: boolean;
}

export async function signIn(username: string, password: string): Promise<SignInAnswer> {
  const { data } = await request<SignInAnswer>('/api/identity/token', {
    method: 'POST', body: { username, password }, notFoundIsRecord: false,
  });
  return data;
}

/** Changes the password with the token of a sign-in that requires it (not kept as the session). */
export async function changeInitialPassword(accessToken: string, currentPassword: string, newPassword: string) {
  await request('/api/identity/me/password', {
    method: 'POST', body: { currentPassword, newPassword }, headers: { Authorization: `Bearer ${accessToken}` },
  });
}
