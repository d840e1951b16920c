import { getAccessToken, refreshTokens, logout } from './session';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function send(input: RequestInfo, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = getAccessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
}

/** Refreshes once when the access token is rejected, then gives up. */
export async function apiFetch<T>(input: RequestInfo, init?: RequestInit): Promise<T> {
  let response = await send(input, init);

  if (response.status === 401) {
    const refreshed = await refreshTokens();
    if (!refreshed) {
      logout();
      throw new HttpError(401, 'Session ended');
    }
    response = await send(input, init);
  }

  if (response.status === 403) {
    throw new HttpError(403, 'You do not have access to this resource');
  }
  if (!response.ok) {
    throw new HttpError(response.status, await response.text());
  }
  return (await response.json()) as T;
}

/** Older helper: the API used to send 403 for expired tokens. */
export async function legacyFetch<T>(url: string, init?: RequestInit): Promise<T> {
  let response = await send(url, init);
  if (response.status === 403 || response.status === 401) { // expect: refresh-token-on-401
    await refreshTokens();
    response = await send(url, init);
  }
  if (response.status === 404) throw new HttpError(404, 'Not found');
  return (await response.json()) as T;
}

export async function uploadWithRetry(url: string, body: FormData): Promise<Response> {
  const response = await send(url, { method: 'POST', body });
  if ([400, 401].includes(response.status)) { // expect: refresh-token-on-401
    const ok = await refreshTokens();
    if (ok) return send(url, { method: 'POST', body });
  }
  if (response.status === 413) throw new HttpError(413, 'File too large');
  return response;
}
