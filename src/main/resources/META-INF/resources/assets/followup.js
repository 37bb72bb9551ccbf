// The reporter's follow-up page (issue 7): the case code buys a reporter token that lives in this module's
// memory only — never in the URL, local storage or a cookie — and reads and adds to the conversation.
import { api, ApiError, element, say } from './api.js';
import { attachPanel } from './attach.js';
import { initLanguage, language, onLanguageChange, t } from './i18n.js';
import { proofHeader } from './proof.js';
import { canonical, caseCodeKey } from './casecode.js';
import { canEncrypt, MEDIA_TYPE, sealForReply } from './envelope.js';
import { newReporterKeys } from './reporter-keys.js';
import { renderRetention } from './followup-retention.js';

const $ = id => document.getElementById(id);
// { token, tokenType, keys }: a DPoP session bound to this page's keys where WebCrypto exists, a bearer one otherwise.
let session = null;
let view = null;
const attachments = attachPanel($('followup-attach'));

async function openTip(event) {
  event.preventDefault();
  const input = $('code-input');
  const message = $('code-message');
  if (!input.value.trim()) {
    say(message, t('followup.notrecognized'), 'error');
    input.focus();
    return;
  }
  $('code-submit').disabled = true;
  say(message, t('followup.checking'), '');
  try {
    session = await openSession(input.value);
    input.value = '';
    say(message, '');
    await refresh();
    $('code-view').hidden = true;
    $('tip-view').hidden = false;
    $('tip-title').focus();
  } catch (error) {
    say(message, describe(error), 'error');
    input.focus();
  } finally {
    $('code-submit').disabled = false;
  }
}

// A proof that came too late (428) is solved again once; every other answer is the reporter's to see.
async function withProof(request) {
  try {
    return await request(await proofHeader('followup'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 428) return request(await proofHeader('followup'));
    throw error;
  }
}

async function openSession(typed) {
  if (!canEncrypt()) {
    const plain = await withProof(headers => api('/api/v1/followup/session', { method: 'POST', body: { caseCode: typed }, headers }));
    return { token: plain.token, tokenType: 'Bearer' };
  }
  // Only K of the code is sent, sealed; the code itself only if the service asks for it (a tip from before keys).
  const code = canonical(typed);
  if (!code) throw new ApiError(401, { code: 'case-code-not-recognized' });
  const intakeKey = await api('/api/v1/intake-key');
  const key = await caseCodeKey(code, intakeKey.caseCodes, () => say($('code-message'), t('followup.deriving'), ''));
  const keys = await newReporterKeys();
  const send = credential => withProof(async headers => {
    const { envelope, openReply } = await sealForReply(intakeKey, JSON.stringify({ ...credential, keys: keys.keys }));
    return api('/api/v1/followup/session', { method: 'POST', contentType: MEDIA_TYPE, body: envelope, headers, openSealed: openReply });
  });
  let token;
  try {
    token = await send({ caseCodeKey: key });
  } catch (error) {
    if (!(error instanceof ApiError && error.problem.code === 'case-code-needed')) throw error;
    token = await send({ caseCode: code });
  }
  return { token: token.token, tokenType: token.tokenType, keys };
}

/** A request body as this session sends it: sealed in an envelope for a DPoP session. */
async function body(value) {
  if (session.tokenType !== 'DPoP') return { body: value };
  const { envelope } = await sealForReply(await api('/api/v1/intake-key'), JSON.stringify(value));
  return { body: envelope, contentType: MEDIA_TYPE };
}

function describe(error) {
  if (error instanceof ApiError && error.status === 429) {
    return t('followup.wait', { seconds: error.retryAfter || 60 });
  }
  if (error instanceof ApiError && error.status === 401) return t('followup.notrecognized');
  if (error instanceof ApiError && error.status === 0) return t('tip.error.network');
  return (error.problem && error.problem.detail) || t('tip.error.other');
}

async function refresh() {
  try {
    view = await api('/api/v1/followup', { session });
    render();
  } catch (error) {
    expiredOr(error);
  }
}

/** An expired token sends the reporter back to the code form, with nothing of the tip left on screen. */
function expiredOr(error) {
  if (error instanceof ApiError && ['reporter-token-invalid', 'dpop-proof-invalid'].includes(error.problem.code)) {
    leave();
    say($('code-message'), t('followup.expired'), 'warn');
    return;
  }
  say($('tip-message'), describe(error), 'error');
}

function render() {
  if (!view) return;
  $('tip-reference').textContent = view.reference;
  $('tip-status').textContent = t(`followup.status.${view.status}`);
  $('tip-received').textContent = new Date(`${view.receivedOn}T12:00:00`).toLocaleDateString(language(), { dateStyle: 'long' });
  const note = $('tip-closing-note');
  note.hidden = !view.closingNote;
  note.textContent = view.closingNote ? t(`note.${view.closingNote.code}`) : '';
  const list = $('conversation');
  list.replaceChildren(...view.conversation.map(message => element('li', { class: message.from },
    element('span', { class: 'meta', text: `${t(`followup.from.${message.from}`)} · ${when(message.around)}` }),
    element('span', { class: 'body', text: message.body }))));
  $('conversation-empty').hidden = view.conversation.length > 0;
  $('reply-form').hidden = !view.canReply;
  if (view.canReply) attachments.open(session); else attachments.close();
  $('tip-closed').hidden = view.canReply;
  renderRetention(view);
}

/** Times are coarse on purpose (to the hour): shown as the day and the hour. */
function when(instant) {
  return new Date(instant).toLocaleString(language(), { dateStyle: 'medium', timeStyle: 'short' });
}

async function reply(event) {
  event.preventDefault();
  const text = $('reply-body');
  if (!text.value.trim()) {
    text.focus();
    return;
  }
  $('reply-send').disabled = true;
  try {
    view = await api('/api/v1/followup/messages', { method: 'POST', session, ...await body({ body: text.value }) });
    text.value = '';
    render();
    say($('tip-message'), t('followup.sent'), 'ok');
  } catch (error) {
    if (error instanceof ApiError && error.problem.code === 'conversation-closed') {
      await refresh();
    }
    expiredOr(error);
  } finally {
    $('reply-send').disabled = false;
  }
}

function leave() {
  session = null;
  attachments.close();
  view = null;
  $('conversation').replaceChildren();
  $('reply-body').value = '';
  say($('tip-message'), '');
  $('tip-view').hidden = true;
  $('code-view').hidden = false;
  $('code-title').focus();
}

initLanguage();
onLanguageChange(render);
$('code-form').addEventListener('submit', openTip);
$('reply-form').addEventListener('submit', reply);
$('tip-refresh').addEventListener('click', refresh);
$('tip-leave').addEventListener('click', leave);
