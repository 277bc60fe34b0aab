import { takeEarly } from './early';

/** The API's one error body shape. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field?: string; message: string }[];
  requestId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(body?.message ?? describeStatus(status));
  }
}

function describeStatus(status: number): string {
  if (status === 0) return '无法连接服务器，请检查网络或稍后重试';
  if (status === 503) return '服务暂时不可用，请稍后重试';
  if (status >= 500) return '服务器出错，请稍后重试';
  return `请求失败（${status}）`;
}

/** The hp_csrf cookie's value, decoded. */
export function csrfToken(): string | undefined {
  const raw = document.cookie.split('; ').find((c) => c.startsWith('hp_csrf='))?.slice('hp_csrf='.length);
  return raw ? decodeURIComponent(raw) : undefined;
}

/** fetch with the session cookie, the CSRF header on writes, and errors in plain Chinese. */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const method = (init.method ?? 'GET').toUpperCase();
  if (!['GET', 'HEAD'].includes(method)) {
    const token = csrfToken();
    if (token) headers.set('X-CSRF-Token', token);
  }
  if (init.body && typeof init.body === 'string') headers.set('Content-Type', 'application/json');
  // A plain GET the router asked for already (api/early.ts) is that answer.
  const early = method === 'GET' && !init.headers && !init.signal ? takeEarly(path) : undefined;
  let res: Response;
  try {
    res = await (early ?? fetch(`/api${path}`, { ...init, headers, credentials: 'same-origin' }));
  } catch {
    throw new ApiError(0, null);
  }
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body as ApiErrorBody | null);
  return body as T;
}
