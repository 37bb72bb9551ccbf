// The case view: one tip, decrypted (every read is audited), its conversation, notes, history and recipients,
// and the actions its status allows. Everything the reporter wrote is set with textContent only.
import { element, say } from './api.js';
import {
  badge, CLOSING_NOTE_TEXT, defaultClosingNote, fillSelect, OUTCOME_TEXT, problemText, relative, showBidiControls, STATUS_TEXT,
  timeElement, urgencyText, zoneText,
} from './console-util.js';
import { createLeadControl } from './console-lead.js';
import { renderAttachments, wireStaffUpload } from './console-attachments.js';
import { createRetention } from './console-retention.js';
import { createIncident } from './console-incident.js';

const $ = (id) => document.getElementById(id);

const ACTION_HELP = {
  NEW: 'Acknowledge the tip to stop its escalation; then you can start work or close it.',
  ACKNOWLEDGED: 'Start work on the tip, or close it under “Close or move the tip”.',
  IN_PROGRESS: 'Close the tip under “Close or move the tip” once it is resolved.',
  CLOSED: 'Reopen the tip to work on it again.',
};

const LANGUAGES = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;

export function createCase(ctx) {
  const message = $('case-message');
  let tipId = null;
  let tip = null;
  let generation = 0;
  let busy = false;
  let draftsFor = null;
  let noteChosen = false;
  const retention = createRetention(ctx);
  const incident = createIncident(ctx);

  $('back-to-queue').addEventListener('click', () => ctx.backToQueue());
  const lead = createLeadControl(ctx, (body, done) => act('lead', body, done, $('lead-staff')));
  wireStaffUpload($('case-attach-input'), $('case-attach-message'), ctx, () => tipId, () => load());

  $('case-acknowledge').addEventListener('click', () =>
    act('acknowledge', undefined, 'Acknowledged: escalation has stopped.', $('case-actions-heading')));
  $('case-start').addEventListener('click', () =>
    act('status', { status: 'IN_PROGRESS' }, 'Work started: the tip is in progress.', $('case-actions-heading')));
  $('case-reopen').addEventListener('click', () =>
    act('reopen', undefined, 'Reopened: the tip is in progress again.', $('case-actions-heading')));

  $('close-outcome').addEventListener('change', () => {
    if (!noteChosen && $('close-outcome').value) $('close-note').value = defaultClosingNote($('close-outcome').value);
  });
  $('close-note').addEventListener('change', () => { noteChosen = true; });
  $('close-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const outcome = $('close-outcome').value;
    if (!outcome) {
      say(message, 'Choose an outcome to close the tip.', 'error');
      $('close-outcome').focus();
      return;
    }
    const closingNote = $('close-note').value;
    act('close', { outcome, closingNote },
      `Closed with the outcome “${OUTCOME_TEXT[outcome]}”. The reporter sees: “${CLOSING_NOTE_TEXT[closingNote]}”`,
      $('case-actions-heading'));
  });

  $('reassign-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const schoolId = $('reassign-school').value;
    if (!schoolId) {
      say(message, 'Choose the school to move the tip to.', 'error');
      $('reassign-school').focus();
      return;
    }
    const name = (ctx.directory.schools.find((s) => s.id === schoolId) || { name: 'the other school' }).name;
    const reference = tip ? tip.reference : '';
    act('reassign', { schoolId }, `Moved to ${name}; its staff have been notified.`, null,
      `Tip ${reference} was moved to ${name}, which you do not serve: it is no longer in your queue.`);
  });

  $('reply-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sendText('messages', $('reply-body'), 'Write a message first.', 'Message sent to the reporter.');
  });
  $('note-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sendText('notes', $('note-body'), 'Write the note first.', 'Note added.');
  });

  function sendText(kind, textarea, empty, done) {
    if (!textarea.value.trim()) {
      say(message, empty, 'error');
      textarea.focus();
      return;
    }
    act(kind, { body: textarea.value }, done, textarea, null, () => { textarea.value = ''; });
  }

  /** Runs one action, then reloads the case; shows the problem's detail when it is refused. */
  async function act(path, body, done, focusAfter, goneMessage, onSuccess) {
    if (busy || !tipId) return;
    const id = tipId;
    setBusy(true);
    say(message, 'Working…');
    try {
      await ctx.call(`/api/v1/staff/tips/${encodeURIComponent(id)}/${path}`, { method: 'POST', body: body ?? undefined });
    } catch (error) {
      setBusy(false);
      if (error.handled || id !== tipId) return;
      say(message, problemText(error), 'error');
      if (error.status === 409) await load(); // someone else may have moved the tip on: show what is legal now
      return;
    }
    if (onSuccess) onSuccess();
    const loaded = await load(goneMessage);
    setBusy(false);
    if (loaded && id === tipId) {
      say(message, done, 'ok');
      if (focusAfter) focusAfter.focus();
    }
  }

  function setBusy(value) {
    busy = value;
    for (const button of $('case-view').querySelectorAll('#case-body button')) button.disabled = value;
  }

  async function open(id, focus) {
    ctx.showView('case', false);
    if (id !== tipId) {
      clearContent();
      say(message, '');
    }
    if (id !== draftsFor) {
      forgetDrafts();
      draftsFor = id;
    }
    tipId = id;
    document.title = 'Tip — Tipline staff console';
    if (ctx.isAdmin()) {
      say(message, 'Administrator accounts see no tips.', 'warn');
      if (focus) $('case-heading').focus();
      return;
    }
    if (focus) $('case-heading').focus();
    await load();
  }

  /** Loads and shows the tip; false when it could not be (the reason is shown). */
  async function load(goneMessage) {
    const mine = ++generation;
    const id = tipId;
    let detail;
    try {
      detail = await ctx.call(`/api/v1/staff/tips/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error.handled || mine !== generation) return false;
      if (error.status === 404 && goneMessage) {
        ctx.backToQueue(goneMessage, 'ok');
        return false;
      }
      clearContent();
      say(message, error.status === 404 || error.status === 400
        ? 'This tip does not exist or is not one of the tips you can see.'
        : `The tip could not be opened: ${problemText(error)}`, 'error');
      return false;
    }
    if (mine !== generation) return false;
    render(detail);
    return true;
  }

  function render(detail) {
    const me = ctx.me() || {};
    const previousStatus = tip && tip.id === detail.id ? tip.status : null;
    tip = detail;
    const now = Date.now();
    document.title = `Tip ${detail.reference} — Tipline staff console`;
    $('case-reference').textContent = detail.reference;

    const overdue = detail.status === 'NEW' && new Date(detail.ackDeadline).getTime() < now;
    $('case-badges').replaceChildren(
      ...(detail.urgency === 'LIFE_SAFETY' ? [badge('life-safety', 'LIFE-SAFETY')] : []),
      ...(overdue ? [badge('overdue', 'OVERDUE')] : []),
    );
    $('case-status').textContent = detail.status;
    $('case-status-text').textContent = STATUS_TEXT[detail.status] ? `(${STATUS_TEXT[detail.status]})` : '';
    $('case-school').textContent = detail.schoolName || 'No school given (the reporter did not know)';
    const label = ctx.directory.categoryLabel.get(detail.category);
    $('case-category').textContent = label ? `${label} (${detail.category})` : detail.category;
    $('case-urgency').textContent = urgencyText(detail.urgency);
    const zone = detail.timeZone;
    $('case-zone').textContent = `${zoneText(zone)}, ${detail.schoolId ? "the school district's time" : "the tip line's time"}`;
    $('case-submitted').replaceChildren(timeElement(detail.submittedAt, zone), ` (${relative(detail.submittedAt, now)})`);
    $('case-deadline').replaceChildren(timeElement(detail.ackDeadline, zone),
      detail.status === 'NEW' ? ` (${relative(detail.ackDeadline, now)})` : '');
    $('case-acknowledged').replaceChildren(detail.acknowledgedAt ? timeElement(detail.acknowledgedAt, zone) : 'Not yet');
    $('case-lead').textContent = leadText(detail, me);
    lead.show(detail);
    $('case-outcome').textContent = detail.outcome ? (OUTCOME_TEXT[detail.outcome] || detail.outcome) : 'Not closed';
    $('case-closing-note').textContent = detail.closingNote
      ? (CLOSING_NOTE_TEXT[detail.closingNote] || detail.closingNote) : '—';

    renderActions(detail, previousStatus);

    const content = detail.content || {};
    setText('case-description', content.description);
    setText('case-location', content.location);
    setText('case-when', content.when);
    setText('case-people', content.peopleInvolved);
    setText('case-contact', content.reporterContact);
    setText('case-language', languageName(content.language));

    const messages = detail.messages || [];
    $('case-conversation').replaceChildren(...messages.map((m) => messageItem(m, me, zone)));
    $('case-conversation-empty').hidden = messages.length > 0;

    const notes = detail.notes || [];
    $('case-notes').replaceChildren(...notes.map((n) => element('li', {},
      element('span', { class: 'meta' }, `${n.authorStaffId === me.id ? 'You' : 'A staff member'} · `, timeElement(n.at, zone)),
      element('div', { class: 'body', text: n.body }))));
    $('case-notes-empty').hidden = notes.length > 0;

    renderAttachments($('case-attachments'), $('case-attachments-empty'), detail, ctx, () => load());

    $('case-history').replaceChildren(...(detail.history || []).map((h) => element('li', {},
      timeElement(h.at, zone), ' — ', element('strong', { text: humanKind(h.kind) }),
      h.detail ? `: ${h.detail}` : '', ` (${actorText(h.actor, me)})`)));

    $('case-recipients-body').replaceChildren(...(detail.recipients || []).map((r) => element('tr', {},
      element('td', { text: r.email }), element('td', { text: r.role }), element('td', { text: r.reason }),
      element('td', { text: r.lead ? 'Lead' : '' }))));

    retention.render(detail, () => load());
    incident.render(detail, zone, () => load());
    $('case-body').hidden = false;
  }

  function renderActions(detail, previousStatus) {
    const status = detail.status;
    $('case-acknowledge').hidden = status !== 'NEW';
    $('case-start').hidden = status !== 'ACKNOWLEDGED';
    $('case-reopen').hidden = status !== 'CLOSED';
    $('case-status-actions').hidden = !['NEW', 'ACKNOWLEDGED', 'CLOSED'].includes(status);
    $('case-action-help').textContent = ACTION_HELP[status] || '';
    $('case-action-help').hidden = !ACTION_HELP[status];
    $('close-form').hidden = !(status === 'ACKNOWLEDGED' || status === 'IN_PROGRESS');
    if (previousStatus !== status) {
      $('close-outcome').value = '';
      $('close-note').value = 'LOOKED_INTO';
      noteChosen = false;
    }
    const select = $('reassign-school');
    const chosen = select.value;
    fillSelect(select, reassignSchools(ctx, detail).map((s) => [s.id, `${s.name} (${s.city})`]));
    select.value = [...select.options].some((o) => o.value === chosen) ? chosen : '';
  }

  function clearContent() {
    generation += 1;
    tip = null;
    $('case-body').hidden = true;
    retention.clear();
    incident.clear();
    $('case-reference').textContent = '';
    lead.clear();
    for (const id of ['case-status', 'case-status-text', 'case-school', 'case-category', 'case-urgency', 'case-zone', 'case-submitted',
      'case-deadline', 'case-acknowledged', 'case-lead', 'case-outcome', 'case-closing-note', 'case-description',
      'case-location', 'case-when', 'case-people', 'case-contact', 'case-language']) {
      $(id).textContent = '';
    }
    for (const id of ['case-badges', 'case-conversation', 'case-notes', 'case-history', 'case-recipients-body',
      'case-attachments']) {
      $(id).replaceChildren();
    }
  }

  function forgetDrafts() {
    $('reply-body').value = '';
    $('note-body').value = '';
    draftsFor = null;
  }

  /** Leaves the case view (the queue opens): forgets the tip shown, keeps drafts until another tip opens. */
  function close() {
    tipId = null;
    clearContent();
    say(message, '');
  }

  /** Sign-out or session end: forgets everything shown; drafts survive only a session that ended by itself. */
  function clear(keepDrafts) {
    close();
    setBusy(false);
    if (!keepDrafts) forgetDrafts();
  }

  return { open, close, clear, forgetDrafts };
}

/** Sets a field of the tip's content: what the reporter wrote, so bidi controls are shown, not obeyed. */
function setText(id, value) {
  const node = $(id);
  const given = value !== null && value !== undefined && String(value).trim() !== '';
  node.textContent = given ? showBidiControls(value) : 'Not given';
  node.classList.toggle('empty', !given);
}

function languageName(code) {
  if (!code) return '';
  try {
    const name = LANGUAGES && LANGUAGES.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

function leadText(detail, me) {
  if (detail.leadStaffId && detail.leadStaffId === me.id) return `You (${me.email})`;
  const leads = (detail.recipients || []).filter((r) => r.lead).map((r) => r.email);
  if (leads.length) return leads.join(', ');
  return detail.leadStaffId ? 'Another staff member' : 'No lead yet';
}

/** Active schools the tip may move to: any for analysts, its own district's for everyone else (as the server rules). */
function reassignSchools(ctx, detail) {
  const here = ctx.directory.schools.find((s) => s.id === detail.schoolId);
  const anywhere = (ctx.me() || {}).role === 'ANALYST';
  return ctx.directory.schools.filter((s) => s.active && s.id !== detail.schoolId
    && (anywhere || (here && s.districtId === here.districtId)));
}

function messageItem(m, me, zone) {
  const toReporter = m.direction === 'TO_REPORTER';
  const who = toReporter ? `To the reporter, from ${m.authorStaffId === me.id ? 'you' : 'a staff member'}` : 'From the reporter';
  return element('li', { class: toReporter ? 'to-reporter' : 'from-reporter' },
    element('span', { class: 'meta' }, `${who} · `, timeElement(m.at, zone)),
    element('div', { class: 'body', text: toReporter ? m.body : showBidiControls(m.body) }));
}

function humanKind(kind) {
  const text = String(kind || '').toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function actorText(actor, me) {
  if (!actor) return 'system';
  if (actor === me.id) return 'by you';
  return UUID.test(actor) ? `by staff member ${actor.slice(0, 8)}` : `by ${actor}`;
}
