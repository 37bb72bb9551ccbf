// The student tip form (issue 7): school search, category, description, "happening now", optional details;
// encrypted in the browser before it is sent; the case code shown once and confirmed before leaving.
import { api, ApiError, element, say } from './api.js';
import { attachPanel } from './attach.js';
import { canonical, caseCodeKey, newCaseCode } from './casecode.js';
import { canEncrypt, MEDIA_TYPE, sealForReply } from './envelope.js';
import { newReporterKeys } from './reporter-keys.js';
import { proofHeader } from './proof.js';
import { initLanguage, language, onLanguageChange, t } from './i18n.js';

const $ = id => document.getElementById(id);
const form = $('tip-form');
const message = $('form-message');
let schools = [];
let categories = [];
let idempotencyKey = null;
let keyedContent = null;
// The case code, its key K and the page's session keys of the tip being sent: made once per tip, so that every retry
// sends the same K (a retry is the same tip) and the code never leaves the page.
let secrets = null;
let codeUnconfirmed = false;
const attachments = attachPanel($('receipt-attach'));

function renderSchools() {
  const select = $('school');
  const chosen = select.value;
  const query = $('school-search').value.trim().toLowerCase();
  const unknown = select.options[0];
  select.replaceChildren(unknown);
  for (const school of schools) {
    if (!query || school.name.toLowerCase().includes(query) || (school.city || '').toLowerCase().includes(query)) {
      select.append(element('option', { value: school.id, text: school.city ? `${school.name} (${school.city})` : school.name }));
    }
  }
  select.value = [...select.options].some(o => o.value === chosen) ? chosen : '';
}

function renderCategories() {
  const select = $('category');
  const chosen = select.value;
  const placeholder = select.options[0];
  select.replaceChildren(placeholder);
  for (const category of categories) {
    select.append(element('option', { value: category.code, text: language() === 'es' ? category.labelEs : category.label }));
  }
  select.value = chosen;
}

function fieldError(id, text) {
  const hint = $(`${id}-error`);
  const control = $(id);
  hint.textContent = text || '';
  hint.hidden = !text;
  control.toggleAttribute('aria-invalid', Boolean(text));
}

function validate() {
  const problems = [];
  if (!$('category').value) problems.push(['category', t('tip.error.category')]);
  if ($('description').value.trim().length < 10) problems.push(['description', t('tip.error.description')]);
  fieldError('category', null);
  fieldError('description', null);
  problems.forEach(([id, text]) => fieldError(id, text));
  if (problems.length) {
    say(message, problems.map(([, text]) => text).join(' '), 'error');
    $(problems[0][0]).focus();
  }
  return problems.length === 0;
}

function tipFromForm() {
  const optional = id => $(id).value.trim() || null;
  return {
    schoolId: $('school').value || null,
    category: $('category').value,
    description: $('description').value.trim(),
    happeningNow: $('happening-now').checked,
    location: optional('location'),
    when: optional('when'),
    peopleInvolved: optional('people'),
    language: language(),
  };
}

function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

async function send({ encrypted }) {
  if (!validate()) return;
  const tip = tipFromForm();
  // The same key for every retry of the same tip: a tip sent twice because the answer was lost is stored
  // once, and the retry gets its case code back. An edited tip is a new one, with a new key.
  const content = JSON.stringify(tip);
  if (content !== keyedContent) {
    idempotencyKey = newIdempotencyKey();
    keyedContent = content;
    secrets = { code: newCaseCode(), key: null, keys: null };
  }
  const button = $('submit-tip');
  button.disabled = true;
  say(message, t('tip.sending'), '');
  try {
    showReceipt(await sendUntilStored(tip, encrypted));
  } catch (error) {
    say(message, describe(error), 'error');
  } finally {
    button.disabled = false;
  }
}

// A tip is sent again, with the same Idempotency-Key and a fresh proof of work, until the service has it: while the
// service is saturated or out of reach (503, network), after a wait, telling the reporter to keep the page open;
// when a proof came too late (428), at once. Anything else is the reporter's to fix and ends the loop.
const RETRY_WAIT_SECONDS = 5;
const MAX_PROOF_RETRIES = 3;

async function sendUntilStored(tip, encrypted) {
  let proofRetries = 0;
  for (;;) {
    try {
      const headers = { 'Idempotency-Key': idempotencyKey, ...await proofHeader('tip') };
      if (!encrypted) {
        const receipt = await api('/api/v1/tips', { method: 'POST', headers, body: tip });
        return { ...receipt, session: { token: receipt.reporterToken, tokenType: 'Bearer' } };
      }
      return await sendSealed(tip, headers);
    } catch (error) {
      if (error instanceof ApiError && error.status === 428 && proofRetries++ < MAX_PROOF_RETRIES) continue;
      if (!(error instanceof ApiError) || (error.status !== 503 && error.status !== 0)) throw error;
      say(message, t('tip.stillsending'), 'warn');
      await new Promise(resolve => setTimeout(resolve, 1000 * (error.retryAfter || RETRY_WAIT_SECONDS)));
    }
  }
}

/**
 * The tip in an envelope with K of the page's own case code and the page's session keys; the answer is sealed to
 * this envelope, and the reporter token in it is bound to the keys.
 */
async function sendSealed(tip, headers) {
  const intakeKey = await api('/api/v1/intake-key');
  if (!secrets.key) {
    secrets.key = await caseCodeKey(canonical(secrets.code), intakeKey.caseCodes, () => say(message, t('tip.deriving'), ''));
  }
  if (!secrets.keys) secrets.keys = await newReporterKeys();
  const { envelope, openReply } = await sealForReply(intakeKey,
    JSON.stringify({ ...tip, caseCodeKey: secrets.key, reporterKeys: secrets.keys.keys }));
  const receipt = await api('/api/v1/tips', { method: 'POST', headers, contentType: MEDIA_TYPE, body: envelope, openSealed: openReply });
  return { ...receipt, caseCode: secrets.code, session: { token: receipt.reporterToken, tokenType: 'DPoP', keys: secrets.keys } };
}

function describe(error) {
  if (!(error instanceof ApiError)) return t('tip.error.other');
  for (const { field } of error.problem.errors || []) {
    if (field === 'description' || field === 'category') fieldError(field, error.problem.detail);
  }
  return `${t('tip.error.other')} ${error.problem.detail || ''}`.trim();
}

function showReceipt(receipt) {
  form.reset();
  renderSchools();
  say(message, '');
  idempotencyKey = null;
  keyedContent = null;
  secrets = null;
  $('case-code').textContent = receipt.caseCode;
  $('reference').textContent = receipt.reference;
  $('form-view').hidden = true;
  $('receipt-view').hidden = false;
  attachments.open(receipt.session);
  codeUnconfirmed = true;
  $('receipt-title').focus();
}

async function copyCode() {
  const note = $('copy-message');
  try {
    await navigator.clipboard.writeText($('case-code').textContent);
    say(note, t('receipt.copied'), 'ok');
  } catch (refused) {
    say(note, t('receipt.copyfailed'), 'warn');
  }
}

function finish() {
  codeUnconfirmed = false;
  $('case-code').textContent = '';
  $('reference').textContent = '';
  $('code-confirmed').checked = false;
  $('receipt-done').disabled = true;
  say($('copy-message'), '');
  attachments.close();
  $('receipt-view').hidden = true;
  $('form-view').hidden = false;
  $('form-title').focus();
}

async function load() {
  try {
    [schools, categories] = await Promise.all([api('/api/v1/schools'), api('/api/v1/categories')]);
  } catch (error) {
    say(message, t('tip.error.network'), 'error');
  }
  renderSchools();
  renderCategories();
}

initLanguage();
onLanguageChange(() => renderCategories());
$('school-search').addEventListener('input', renderSchools);
form.addEventListener('submit', event => {
  event.preventDefault();
  if (canEncrypt()) {
    send({ encrypted: true });
  } else {
    // Never plain text without the reporter choosing it.
    $('nocrypto').hidden = false;
    $('send-plain').focus();
  }
});
$('send-plain').addEventListener('click', () => send({ encrypted: false }));
$('copy-code').addEventListener('click', copyCode);
$('code-confirmed').addEventListener('change', event => { $('receipt-done').disabled = !event.target.checked; });
$('receipt-done').addEventListener('click', finish);
window.addEventListener('beforeunload', event => {
  if (codeUnconfirmed) {
    event.preventDefault();
    event.returnValue = t('receipt.leave');
  }
});
load();
