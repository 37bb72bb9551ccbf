// The case's retention panel: whether the tip's content was shredded, when it will be, whether it was flagged for
// review, and its legal hold with the control to place or release one (coordinators and analysts; the server checks).
import { element, say } from './api.js';
import { problemText, timeElement } from './console-util.js';

const $ = (id) => document.getElementById(id);
const HOLDERS = ['COORDINATOR', 'ANALYST'];

export function createRetention(ctx) {
  const body = $('case-retention-body');
  const message = $('case-retention-message');
  let busy = false;

  /** Shows the tip's retention state; {@code reload} reloads the whole case after a change. */
  function render(detail, reload) {
    const retention = detail.retention || {};
    const hold = retention.legalHold;
    const facts = [];
    if (retention.shreddedAt) {
      facts.push(element('p', { class: 'notice warn' }, 'The content of this tip was deleted under the retention policy on ',
        timeElement(retention.shreddedAt), '. What the reporter wrote, the conversation and the notes are gone; '
        + 'the metadata stays for statistics. Nothing more can be done with this tip.'));
    } else if (retention.shreddingDueOn) {
      facts.push(element('p', {}, `Its content will be deleted from ${retention.shreddingDueOn} (retention policy), `
        + 'unless it is reopened or put on legal hold.'));
    } else if (!hold) {
      facts.push(element('p', { class: 'hint' }, 'Its content is kept while the tip is open; the retention period starts '
        + 'when it is closed.'));
    }
    if (retention.flaggedForReviewAt) {
      facts.push(element('p', {}, 'Flagged for review on ', timeElement(retention.flaggedForReviewAt),
        ': it has been open longer than the district’s review period.'));
    }
    if (hold) {
      facts.push(element('p', {}, element('strong', { text: 'On legal hold' }), ' since ', timeElement(hold.placedAt),
        ': ', element('span', { text: hold.reason }), '. It is never deleted while the hold lasts.'));
    }
    const role = (ctx.me() || {}).role;
    const form = HOLDERS.includes(role) && !retention.shreddedAt ? holdForm(detail.id, Boolean(hold), reload) : null;
    body.replaceChildren(...facts, ...(form ? [form] : []));
    $('case-retention').hidden = false;
  }

  function holdForm(tipId, held, reload) {
    const input = element('input', { type: 'text', id: 'hold-reason', name: 'reason', maxlength: '1000', required: true,
      'aria-describedby': 'hold-hint' });
    const form = element('form', { class: 'subform', novalidate: true },
      element('label', { for: 'hold-reason', text: held ? 'Reason to release the hold' : 'Reason for a legal hold' }),
      element('p', { class: 'hint', id: 'hold-hint', text: 'A court order or preservation letter, say. It is audited.' }),
      input,
      element('div', { class: 'actions' },
        element('button', { type: 'submit', id: 'hold-submit', class: 'secondary',
          text: held ? 'Release the legal hold' : 'Place a legal hold' })));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (busy) return;
      if (!input.value.trim()) {
        say(message, 'Give a reason first.', 'error');
        input.focus();
        return;
      }
      busy = true;
      try {
        await ctx.call(`/api/v1/staff/tips/${encodeURIComponent(tipId)}/legal-hold`,
          { method: held ? 'DELETE' : 'POST', body: { reason: input.value } });
        say(message, held ? 'Legal hold released.' : 'Legal hold placed: the tip will not be deleted.', 'ok');
        await reload();
      } catch (error) {
        if (!error.handled) say(message, problemText(error), 'error');
      } finally {
        busy = false;
      }
    });
    return form;
  }

  function clear() {
    body.replaceChildren();
    say(message, '');
    $('case-retention').hidden = true;
  }

  return { render, clear };
}
