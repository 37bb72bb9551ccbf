// The lead control of the case view: who may lead the tip (those who serve its school, then the analysts, as
// GET /api/v1/staff/tips/<id>/leads answers) and the step that makes one of them the lead.
import { say } from './api.js';
import { fillSelect, problemText } from './console-util.js';

const $ = (id) => document.getElementById(id);

const ROLE = { SRO: 'SRO', COUNSELOR: 'counselor', COORDINATOR: 'coordinator', ANALYST: 'analyst' };

/** `assign(body, doneText)` runs the lead step through the case view, which reloads the tip after it. */
export function createLeadControl(ctx, assign) {
  const select = $('lead-staff');
  let candidates = [];
  let generation = 0;

  $('lead-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = candidates.find((c) => c.staffId === select.value);
    if (!chosen) {
      say($('case-message'), 'Choose the staff member who leads the case.', 'error');
      select.focus();
      return;
    }
    assign({ staffId: chosen.staffId }, `${chosen.displayName} now leads the case.`);
  });

  async function show(detail) {
    const mine = ++generation;
    let answer;
    try {
      answer = await ctx.call(`/api/v1/staff/tips/${encodeURIComponent(detail.id)}/leads`);
    } catch (error) {
      if (error.handled || mine !== generation) return;
      say($('case-message'), `Who may lead this tip could not be loaded: ${problemText(error)}`, 'error');
      return;
    }
    if (mine !== generation) return;
    candidates = answer;
    const me = ctx.me() || {};
    fillSelect(select, candidates.map((c) => [c.staffId,
      `${c.staffId === me.id ? 'You' : c.displayName} (${ROLE[c.role] || c.role}, ${c.email})${c.lead ? ' — the lead' : ''}`]));
    const current = candidates.find((c) => c.lead);
    select.value = current ? current.staffId : '';
    if (current) $('case-lead').textContent = current.staffId === me.id ? `You (${current.email})` : `${current.displayName} (${current.email})`;
  }

  function clear() {
    generation += 1;
    candidates = [];
    fillSelect(select, []);
  }

  return { show, clear };
}
