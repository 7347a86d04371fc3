// The crm-sync HTTP API as the console calls it: same origin, JSON both ways, and every refusal turned into an
// ApiError carrying the API's own code, message and the input field it names, so forms can show it in place.

export class ApiError extends Error {
  constructor(status, code, message, field = null, body = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.body = body;
  }
}

let tokenFor = async () => null;
let onUnauthorized = () => {};

/** Set by auth.js when the deployment signs people in: a bearer token for each call, and what to do on a 401. */
export function setBearerTokens(provider, unauthorized) {
  tokenFor = provider;
  onUnauthorized = unauthorized;
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = await tokenFor();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'UNREACHABLE', `crm-sync could not be reached (${e.message}). Is it running?`);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    if (response.status === 401) onUnauthorized();
    const error = json && json.error;
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? (response.status === 401 ? 'Your sign-in has expired: sign in again.'
        : `crm-sync answered ${response.status} ${response.statusText}.`),
      error?.field ?? null,
      json,
    );
  }
  return json;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') search.set(k, v);
  });
  const s = search.toString();
  return s ? `?${s}` : '';
}
