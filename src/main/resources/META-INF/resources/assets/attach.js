// Photos and screenshots from the reporter (tip form, right after sending, and the follow-up page): each file is sent
// as it is, or sealed to the intake key (as bytes) in a key-bound session, with the reporter token held in memory
// only; the service keeps only its pixels (every trace of the phone, such as the place it was taken, is removed) and
// encrypts them like the tip. HEIC cannot be read by the service.
import { api, element, say, sessionHeaders } from './api.js';
import { IMAGE_MEDIA_TYPE, sealImage } from './envelope.js';
import { t } from './i18n.js';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp';
const MAX_BUSY_RETRIES = 3;
const PATH = '/api/v1/followup/attachments';

/** Builds the attach panel inside {@code container}; open(session) shows it for a tip, close() forgets the session. */
export function attachPanel(container) {
  let session = null;
  const id = container.id;
  const heading = element('h2', { id: `${id}-title`, 'data-i18n': 'attach.title', text: t('attach.title') });
  const hint = element('p', { class: 'hint', id: `${id}-hint`, 'data-i18n': 'attach.hint', text: t('attach.hint') });
  const label = element('label', { for: `${id}-input`, 'data-i18n': 'attach.choose', text: t('attach.choose') });
  const input = element('input', { type: 'file', id: `${id}-input`, accept: ACCEPT, multiple: true, 'aria-describedby': `${id}-hint` });
  const list = element('ul', { class: 'attached', id: `${id}-list` });
  const message = element('p', { id: `${id}-message`, role: 'status', hidden: true });
  container.replaceChildren(heading, hint, label, input, message, list);
  container.hidden = true;

  input.addEventListener('change', async () => {
    const files = [...input.files];
    input.disabled = true;
    for (const file of files) {
      const item = element('li', { text: `${file.name}: ${t('attach.sending')}` });
      list.append(item);
      item.textContent = `${file.name}: ${await send(file)}`;
    }
    input.value = '';
    input.disabled = false;
    say(message, t('attach.done'), 'ok');
  });

  /** Sends one file; answers what the reporter should read about it. */
  async function send(file) {
    if (/\.hei[cf]$/i.test(file.name) || /hei[cf]/i.test(file.type)) return t('attach.heic');
    const sealed = session.tokenType === 'DPoP';
    // A sealed image is 16 bytes (its tag) longer than the file, and the service takes 10 MiB in all.
    if (file.size > MAX_BYTES - (sealed ? 16 : 0)) return t('attach.toolarge');
    let upload;
    try {
      upload = sealed ? await sealedUpload(file)
        : { body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' } };
    } catch (networkFailure) {
      return t('tip.error.network');
    }
    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        const headers = { ...upload.headers, Accept: 'application/json', ...await sessionHeaders(session, 'POST', PATH) };
        response = await fetch(PATH, { method: 'POST', body: upload.body, credentials: 'omit', cache: 'no-store',
          referrerPolicy: 'no-referrer', headers });
      } catch (networkFailure) {
        return t('tip.error.network');
      }
      if (response.status === 201) return t('attach.sent');
      const problem = await response.json().catch(() => ({}));
      if (response.status === 503 && attempt < MAX_BUSY_RETRIES) {
        await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('Retry-After') || 5)));
        continue;
      }
      if (response.status === 401) return t('attach.expired');
      return problem.detail || t('attach.failed');
    }
  }

  /** A key-bound session sends nothing in the clear, the image's bytes included: sealed once, sent as often as needed. */
  async function sealedUpload(file) {
    const envelope = await sealImage(await api('/api/v1/intake-key'), new Uint8Array(await file.arrayBuffer()));
    return { body: envelope.body, headers: { 'Content-Type': IMAGE_MEDIA_TYPE, 'Tipline-Envelope': envelope.header } };
  }

  return {
    open(reporterSession) {
      session = reporterSession && reporterSession.token ? reporterSession : null;
      container.hidden = !session;
    },
    close() {
      session = null;
      list.replaceChildren();
      say(message, '');
      container.hidden = true;
    },
  };
}
