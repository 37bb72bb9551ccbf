// The queue: open tips of the signed-in staff member's scope, life-safety first, then oldest.
import { element, say } from './api.js';
import { badge, duration, fillSelect, problemText, relative, timeElement } from './console-util.js';

const $ = (id) => document.getElementById(id);

const STATUS_LABEL = { NEW: 'New', ACKNOWLEDGED: 'Acknowledged', IN_PROGRESS: 'In progress', CLOSED: 'Closed' };
const PAGE_SIZE = 25;

export function createQueue(ctx) {
  const state = { page: 0, pages: 1, generation: 0 };
  const filters = {
    reference: $('filter-reference'),
    status: $('filter-status'),
    urgency: $('filter-urgency'),
    school: $('filter-school'),
    category: $('filter-category'),
    overdue: $('filter-overdue'),
  };
  const message = $('queue-message');
  const body = $('queue-body');
  const table = $('queue');

  for (const control of Object.values(filters)) {
    control.addEventListener('change', () => {
      state.page = 0;
      load(true);
    });
  }
  $('queue-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    state.page = 0;
    load(true);
  });
  $('queue-refresh').addEventListener('click', () => load(true));
  $('queue-prev').addEventListener('click', () => {
    if (state.page > 0) {
      state.page -= 1;
      load(true);
    }
  });
  $('queue-next').addEventListener('click', () => {
    if (state.page + 1 < state.pages) {
      state.page += 1;
      load(true);
    }
  });
  // Links keep their real address (open in a new tab works after signing in there); a plain click stays in the page.
  body.addEventListener('click', (event) => {
    const link = event.target.closest('a.open-tip');
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    ctx.openTip(link.dataset.id);
  });

  function fillFilters() {
    const { directory } = ctx;
    // Only the schools the staff member serves: the queue holds no other school's tips.
    fillSelect(filters.school, directory.schools.filter((s) => s.served).map((s) => [s.id, `${s.name} (${s.city})`]));
    fillSelect(filters.category, directory.categories.map((c) => [c.code, c.label]));
  }

  function show(focus) {
    document.title = 'Queue — Tipline staff console';
    ctx.showView('queue', focus);
    load(false); // administrators never get here: their console opens on the directory
  }

  function query() {
    const params = new URLSearchParams();
    for (const name of ['reference', 'status', 'urgency', 'school', 'category']) {
      const value = filters[name].value.trim();
      if (value) params.set(name, value);
    }
    if (filters.overdue.checked) params.set('overdue', 'true');
    params.set('page', String(state.page));
    params.set('size', String(PAGE_SIZE));
    return params;
  }

  async function load(announce) {
    const generation = ++state.generation;
    // Rows of another filter, page or moment must not be mistaken for the answer: the table empties while it loads.
    body.replaceChildren();
    $('queue-empty').hidden = true;
    table.setAttribute('aria-busy', 'true');
    let page;
    try {
      page = await ctx.call(`/api/v1/staff/queue?${query()}`);
    } catch (error) {
      if (error.handled || generation !== state.generation) return;
      table.removeAttribute('aria-busy');
      say(message, `The queue could not be loaded: ${problemText(error)}`, 'error');
      return;
    }
    if (generation !== state.generation) return;
    table.removeAttribute('aria-busy');
    state.pages = Math.max(1, Math.ceil(page.total / page.size));
    if (page.items.length === 0 && state.page > 0 && state.page >= state.pages) {
      state.page = state.pages - 1; // the last page emptied (tips closed meanwhile): show the one before
      load(announce);
      return;
    }
    render(page);
    if (announce) {
      const time = new Date().toLocaleTimeString(undefined, { timeStyle: 'short' });
      say(message, `Queue updated at ${time}: ${page.total} ${page.total === 1 ? 'tip' : 'tips'}.`, 'ok');
    } else if (message.classList.contains('error')) {
      say(message, '');
    }
  }

  function render(page) {
    const now = Date.now();
    body.replaceChildren(...page.items.map((item) => row(item, now)));
    $('queue-empty').hidden = page.items.length > 0;
    $('queue-page').textContent = `Page ${state.page + 1} of ${state.pages}`;
    $('queue-prev').disabled = state.page === 0;
    $('queue-next').disabled = state.page + 1 >= state.pages;
  }

  function row(item, now) {
    const lifeSafety = item.urgency === 'LIFE_SAFETY';
    const classes = [lifeSafety && 'life-safety', item.overdue && 'overdue'].filter(Boolean).join(' ');
    const tr = element('tr', { class: classes || null, 'data-reference': item.reference, 'data-id': item.id });
    const link = element('a', { class: 'open-tip', href: `/console/tips/${encodeURIComponent(item.id)}`, 'data-id': item.id,
      text: item.reference });
    const deadline = element('td', {}, timeElement(item.ackDeadline, item.timeZone));
    if (item.status === 'NEW') deadline.append(element('span', { class: 'sub', text: relative(item.ackDeadline, now) }));
    const unread = Number(item.unreadReporterMessages) || 0;
    tr.append(
      element('th', { scope: 'row' }, link),
      element('td', { text: item.schoolName || 'No school given' }),
      element('td', { text: ctx.directory.categoryLabel.get(item.category) || item.category }),
      element('td', {}, lifeSafety ? badge('life-safety', 'LIFE-SAFETY') : document.createTextNode('Standard')),
      element('td', { text: STATUS_LABEL[item.status] || item.status }),
      element('td', { text: duration(item.ageSeconds) }),
      deadline,
      element('td', {}, item.overdue ? badge('overdue', 'OVERDUE') : document.createTextNode('No')),
      element('td', { class: unread > 0 ? 'unread has-unread' : 'unread', text: String(unread) }),
    );
    return tr;
  }

  function clear() {
    state.generation += 1;
    state.page = 0;
    state.pages = 1;
    body.replaceChildren();
    $('queue-empty').hidden = true;
    $('queue-page').textContent = 'Page 1 of 1';
    say(message, '');
  }

  return {
    show,
    clear,
    fillFilters,
    say: (text, kind) => say(message, text, kind),
  };
}
