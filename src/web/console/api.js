// The staff API over the session cookie. Writes carry the CSRF token from sign-in; a 401 sends
// the console back to the sign-in form.

let csrfToken = '';
let onSignedOut = () => {};

export function setCsrf(token) {
  csrfToken = token ?? '';
}
export function getCsrf() {
  return csrfToken;
}
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function api(method, url, body) {
  // The server names places and people in the console's language.
  const headers = { 'accept-language': document.documentElement.lang || 'zh-CN' };
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  const data = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (response.status === 401 && !url.endsWith('/login')) onSignedOut();
  if (!response.ok) throw new ApiError(response.status, data?.message ?? response.statusText);
  return data;
}
