// The attachments of a case. Thumbnails load blurred and turn sharp on a click, so that nobody is shown a distressing
// picture unasked; the full image opens in the page on request, or downloads. Images are fetched with the staff token
// and shown as data: URLs (the page's CSP allows img-src data:); every thumbnail, view and download is audited by the
// service. Sensitive attachments have no thumbnail and open only for the roles the district allows.
import { element, say } from './api.js';
import { timeElement } from './console-util.js';

const base = (tipId, id) => `/api/v1/staff/tips/${encodeURIComponent(tipId)}/attachments/${encodeURIComponent(id)}`;

/**
 * Shows {@code detail.attachments} in {@code list}; {@code ctx} gives the staff token and JSON calls, {@code reload}
 * loads the case again after a change.
 */
export function renderAttachments(list, empty, detail, ctx, reload) {
  const attachments = detail.attachments || [];
  list.replaceChildren(...attachments.map((a) => item(detail.id, a, ctx, reload)));
  empty.hidden = attachments.length > 0;
}

/** Wires the staff upload form of the case view once; {@code current} answers the tip shown. */
export function wireStaffUpload(input, message, ctx, current, reload) {
  input.addEventListener('change', async () => {
    const tipId = current();
    const file = input.files[0];
    if (!tipId || !file) return;
    input.disabled = true;
    say(message, 'Attaching…');
    try {
      const response = await send('POST', `/api/v1/staff/tips/${encodeURIComponent(tipId)}/attachments`, ctx, file);
      say(message, response.ok ? 'Image attached (stored without its metadata).' : await detailOf(response), response.ok ? 'ok' : 'error');
      if (response.ok) await reload();
    } finally {
      input.value = '';
      input.disabled = false;
    }
  });
}

function item(tipId, a, ctx, reload) {
  const message = element('p', { class: 'hint', hidden: true });
  const full = element('div', { class: 'attachment-full' });
  const who = a.addedBy === 'REPORTER' ? 'From the reporter' : 'Added by staff';
  const meta = element('p', { class: 'meta' }, `${who} · `, timeElement(a.at),
    ` · ${a.width} × ${a.height} ${a.mediaType === 'image/png' ? 'PNG' : 'JPEG'}, ${Math.ceil(a.bytes / 1024)} KiB`,
    a.sensitive ? element('strong', { class: 'sensitive', text: ' · Sensitive' }) : null);
  const actions = element('div', { class: 'actions' });
  let preview;
  if (a.thumbnail) {
    const image = element('img', { alt: 'Thumbnail, blurred: click to show it sharp' });
    preview = element('button', { type: 'button', class: 'attachment-thumb blurred', 'aria-pressed': 'false' }, image);
    preview.addEventListener('click', () => {
      preview.classList.remove('blurred');
      preview.setAttribute('aria-pressed', 'true');
      image.alt = 'Thumbnail';
    });
    load(`${base(tipId, a.id)}/thumbnail`, ctx).then((url) => { image.src = url; }, () => say(message, 'The thumbnail could not be loaded.', 'error'));
  } else {
    preview = element('p', { class: 'hint', text: a.sensitive ? 'Sensitive: no thumbnail.' : 'No thumbnail.' });
  }
  if (a.viewable) {
    const view = element('button', { type: 'button', class: 'secondary', text: 'View in page' });
    view.addEventListener('click', async () => {
      try {
        full.replaceChildren(element('img', { alt: 'Attachment', src: await load(`${base(tipId, a.id)}?inline=true`, ctx) }));
      } catch (error) {
        say(message, String(error.message || error), 'error');
      }
    });
    const download = element('button', { type: 'button', class: 'secondary', text: 'Download' });
    download.addEventListener('click', async () => {
      try {
        const link = element('a', { href: await load(base(tipId, a.id), ctx), download: `attachment-${a.id.slice(0, 8)}` });
        link.click();
      } catch (error) {
        say(message, String(error.message || error), 'error');
      }
    });
    actions.append(view, download);
  } else {
    actions.append(element('span', { class: 'hint', text: 'Sensitive: your role may not view it in this district.' }));
  }
  if (!a.sensitive) {
    const mark = element('button', { type: 'button', class: 'secondary', text: 'Mark sensitive' });
    mark.addEventListener('click', async () => {
      const response = await send('POST', `${base(tipId, a.id)}/sensitive`, ctx);
      if (response.ok) await reload();
      else say(message, await detailOf(response), 'error');
    });
    actions.append(mark);
  }
  return element('li', { class: 'attachment', 'data-attachment': a.id }, preview, meta, actions, message, full);
}

async function send(method, path, ctx, body) {
  // Images are answered as image/jpeg or image/png, refusals as problem+json.
  const headers = { Authorization: `Bearer ${ctx.token()}`, Accept: method === 'GET' ? 'image/*, application/problem+json' : 'application/json' };
  if (body) headers['Content-Type'] = body.type || 'application/octet-stream';
  return fetch(path, { method, body, headers, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
}

/** Fetches an image with the staff token and answers it as a data: URL. */
async function load(path, ctx) {
  const response = await send('GET', path, ctx);
  if (!response.ok) throw new Error(await detailOf(response));
  const blob = await response.blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

async function detailOf(response) {
  const problem = await response.json().catch(() => ({}));
  return problem.detail || `The request failed (${response.status}).`;
}
