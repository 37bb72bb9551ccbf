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

export async function api(path, { method = 'GET', body, token, contentType = 'application/json', headers = {}, text: asText = false } = {}) {
  const request = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'omit', cache: 'no-store',
    referrerPolicy: 'no-referrer' };
  if (token) {
    request.headers.Authorization = `Bearer ${token}`;
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
