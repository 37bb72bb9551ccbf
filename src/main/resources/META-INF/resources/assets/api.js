// Calls to the Tipline API from the pages: JSON in, JSON out, problems (RFC 9457) turned into errors that
// carry the server's own, human-readable detail. Same origin only; no cookies are ever involved.

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `Request failed (${status})`);
    this.status = status;
    this.problem = problem || {};
    this.retryAfter = null;
  }
}

const SEALED_TYPE = 'application/vnd.tipline.sealed+json';
// How far this device's clock is from the service's (its Date header): DPoP proofs carry the time they were made,
// and a phone whose clock is minutes off would otherwise have every proof refused.
let clockOffsetMs = 0;

/** The service's time as best known, in milliseconds. */
export function serviceNow() {
  return Date.now() + clockOffsetMs;
}

/** The headers a reporter session sends with a request: its token and, for a DPoP session, a fresh proof. */
export async function sessionHeaders(session, method, path) {
  const headers = { Authorization: `${session.tokenType} ${session.token}` };
  if (session.tokenType === 'DPoP') headers.DPoP = await session.keys.proof(method, path, session.token);
  return headers;
}

/**
 * {@code session} is a reporter session ({ token, tokenType, keys }): a DPoP one sends a proof of its key with every
 * request and opens the answers sealed to it. {@code openSealed} opens an envelope's sealed answer.
 */
export async function api(path, { method = 'GET', body, token, session, openSealed, contentType = 'application/json', headers = {},
  text: asText = false } = {}) {
  const request = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'omit', cache: 'no-store',
    referrerPolicy: 'no-referrer' };
  if (token) {
    request.headers.Authorization = `Bearer ${token}`;
  }
  if (session) {
    Object.assign(request.headers, await sessionHeaders(session, method, path));
  }
  if (body !== undefined) {
    request.headers['Content-Type'] = contentType;
    request.body = typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, request);
  } catch (networkFailure) {
    throw new ApiError(0, { code: 'network', detail: null });
  }
  const served = Date.parse(response.headers.get('Date') || '');
  if (!Number.isNaN(served)) clockOffsetMs = served - Date.now();
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  if (response.ok && asText) {
    return text; // a file, such as a CSV export
  }
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    const retryAfter = response.headers.get('Retry-After');
    error.retryAfter = retryAfter ? Number(retryAfter) : null;
    throw error;
  }
  if ((response.headers.get('Content-Type') || '').startsWith(SEALED_TYPE)) {
    return (openSealed || (reply => session.keys.open(reply)))(data);
  }
  return data;
}

/** Shows a message in a live region, so that screen readers announce it. */
export function say(element, text, kind = '') {
  element.textContent = text;
  element.className = `notice ${kind}`.trim();
  element.hidden = !text;
}

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}
