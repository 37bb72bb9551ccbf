// Directory administration in the console (/console/admin/<page>): districts, schools, agencies, staff, assignments and
// CSV import and export. Administrators see every page; district coordinators every page but agencies, for their own
// district, as the API allows. The server decides every change; the pages only offer what it would accept.
import { element, say } from './api.js';
import { fillSelect, problemText } from './console-util.js';

const $ = (id) => document.getElementById(id);

const PAGES = ['districts', 'schools', 'agencies', 'staff', 'assignments', 'import'];
const ADMIN_ONLY = new Set(['agencies']);
const TITLES = { districts: 'Districts', schools: 'Schools', agencies: 'Agencies', staff: 'Staff', assignments: 'Assignments',
  import: 'Import and export' };
const NEEDS = { districts: ['districts'], schools: ['schools', 'districts', 'agencies'], agencies: ['agencies'],
  staff: ['staff', 'districts', 'agencies'], assignments: ['assignments', 'staff', 'schools'], import: [] };
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const ROLES = { SRO: 'SRO', COUNSELOR: 'Counselor', COORDINATOR: 'Coordinator', ANALYST: 'Analyst', ADMIN: 'Administrator' };
const LEVELS = { ELEMENTARY: 'Elementary', JUNIOR_HIGH: 'Junior high', HIGH: 'High', K12: 'K-12' };
const KINDS = { CITY_POLICE: 'City police', COUNTY_SHERIFF: 'County sheriff', TOWN_POLICE: 'Town police', STATE: 'State' };
// In the order they are imported: each kind names what the ones before it hold.
const FILE_KINDS = ['agencies', 'schools', 'staff', 'assignments'];

/** The page of an administration path ('' for /console/admin), or null for any other path. */
export function adminPageFromPath(path) {
  const match = /^\/console\/admin(?:\/([a-z]+))?\/?$/.exec(path);
  return match ? (match[1] || '') : null;
}

export function createAdmin(ctx) {
  const message = $('admin-message');
  const data = { districts: [], schools: [], agencies: [], staff: [], assignments: [] };
  const editing = { district: null, agency: null, staff: null };
  let page = null;
  let generation = 0;
  let preview = null; // { kind, file } of the last dry run that passed: only that can be applied

  const administers = () => ['ADMIN', 'COORDINATOR'].includes((ctx.me() || {}).role);
  const allowed = (name) => PAGES.includes(name) && (!ADMIN_ONLY.has(name) || ctx.isAdmin());
  const byId = (list, id) => list.find((x) => x.id === id);
  const nameOf = (list, id) => (byId(list, id) || { name: '—' }).name;

  // The header's links and the tabs move within the page, so that the token (kept in memory only) survives.
  for (const link of document.querySelectorAll('#console-nav a, #admin-view nav.tabs a')) {
    link.addEventListener('click', (event) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      ctx.navigate(link.getAttribute('href'));
    });
  }

  function signedIn(me) {
    const isAdmin = me.role === 'ADMIN';
    $('console-nav').hidden = false;
    $('nav-admin').hidden = !administers();
    $('nav-queue').hidden = isAdmin;
    for (const node of document.querySelectorAll('#admin-view [data-admin-only]')) node.hidden = !isAdmin;
    fillSelect($('import-kind'), FILE_KINDS.filter((k) => isAdmin || k !== 'agencies').map((k) => [k, k]), false);
    fillSelect($('staff-new-role'), Object.entries(ROLES).filter(([r]) => isAdmin || r === 'COUNSELOR' || r === 'COORDINATOR'),
      false);
    $('export-links').replaceChildren(...FILE_KINDS.filter((k) => isAdmin || k !== 'agencies').map((kind) =>
      element('button', { type: 'button', class: 'secondary', 'data-export': kind, text: `Export ${kind} (CSV)` })));
    if (typeof Intl.supportedValuesOf === 'function') {
      $('zone-list').replaceChildren(...Intl.supportedValuesOf('timeZone').map((zone) => element('option', { value: zone })));
    }
  }

  async function open(name, focus) {
    if (!administers()) {
      ctx.showView('admin', focus);
      showPage(null);
      say(message, 'The directory is run by administrators and district safety coordinators.', 'warn');
      return;
    }
    const chosen = allowed(name) ? name : 'districts';
    if (chosen !== page) say(message, '');
    page = chosen;
    document.title = `${TITLES[chosen]} — Tipline staff console`;
    ctx.showView('admin', focus);
    showPage(chosen);
    await load();
  }

  function showPage(name) {
    for (const p of PAGES) $(`admin-${p}`).hidden = p !== name;
    for (const link of document.querySelectorAll('#admin-view nav.tabs a')) {
      if (link.dataset.page === name) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  /** Loads what the page shows, then draws it; false when it could not (the reason is shown). */
  async function load() {
    const mine = ++generation;
    const shown = page;
    try {
      const lists = await Promise.all(NEEDS[shown].map((n) => ctx.call(`/api/v1/admin/${n}`)));
      if (mine !== generation) return false;
      NEEDS[shown].forEach((n, i) => { data[n] = lists[i]; });
    } catch (error) {
      if (!error.handled && mine === generation) say(message, `This page could not be loaded: ${problemText(error)}`, 'error');
      return false;
    }
    RENDER[shown]();
    return true;
  }

  /** Sends one change; on success reloads the page and says `done`, else shows the server's reasons. */
  async function change(path, method, body, done, button, onSuccess) {
    if (button) button.disabled = true;
    say(message, 'Working…');
    let answer;
    try {
      answer = await ctx.call(path, { method, body });
    } catch (error) {
      if (!error.handled) say(message, problemText(error), 'error');
      return;
    } finally {
      if (button) button.disabled = false;
    }
    if (onSuccess) onSuccess(answer);
    if (await load()) say(message, typeof done === 'function' ? done(answer) : done, 'ok');
  }

  const button = (text, onClick, attributes = {}) => {
    const node = element('button', { type: 'button', class: 'secondary small', text, ...attributes });
    node.addEventListener('click', onClick);
    return node;
  };
  const optional = (value) => (value.trim() ? value.trim() : null);

  // ---- districts ----

  const dayBoxes = DAYS.map((day) => {
    const box = element('input', { type: 'checkbox', id: `district-day-${day}`, value: day });
    $('district-days').append(element('label', { class: 'check', for: box.id }, box,
      day.charAt(0) + day.slice(1).toLowerCase()));
    return box;
  });

  function renderDistricts() {
    $('districts-body').replaceChildren(...data.districts.map((d) => element('tr', { 'data-id': d.id },
      element('th', { scope: 'row', text: d.name }), element('td', { text: d.timeZone }),
      element('td', { text: `${d.businessDayStart}–${d.businessDayEnd}` }),
      element('td', { text: d.businessDays.map((day) => day.slice(0, 3).toLowerCase()).join(', ') }),
      element('td', { text: d.holidays.length ? d.holidays.join(', ') : 'none' }),
      element('td', {}, button('Change', () => editDistrict(d), { 'aria-label': `Change ${d.name}` })))));
  }

  function editDistrict(d) {
    editing.district = d.id;
    $('district-legend').textContent = `Change ${d.name}`;
    $('district-name').value = d.name;
    $('district-zone').value = d.timeZone;
    $('district-start').value = d.businessDayStart;
    $('district-end').value = d.businessDayEnd;
    for (const box of dayBoxes) box.checked = d.businessDays.includes(box.value);
    $('district-holidays').value = d.holidays.join('\n');
    $('district-form').hidden = false;
    $('district-name').focus();
  }

  $('district-cancel').addEventListener('click', () => { $('district-form').hidden = true; editing.district = null; });
  $('district-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {
      name: $('district-name').value, timeZone: $('district-zone').value.trim(),
      businessDayStart: $('district-start').value, businessDayEnd: $('district-end').value,
      businessDays: dayBoxes.filter((b) => b.checked).map((b) => b.value),
      holidays: $('district-holidays').value.split(/[\s,]+/).filter(Boolean),
    };
    change(`/api/v1/admin/districts/${encodeURIComponent(editing.district)}`, 'PUT', body,
      (d) => `${d.name} is saved; tips that arrive from now on follow its settings.`, $('district-save'),
      () => { $('district-form').hidden = true; });
  });
  $('district-new').addEventListener('submit', (event) => {
    event.preventDefault();
    change('/api/v1/admin/districts', 'POST', { name: $('district-new-name').value, timeZone: $('district-new-zone').value.trim() },
      (d) => `${d.name} is added, with business hours 07:30–16:30, Monday to Friday.`, $('district-add'),
      () => { $('district-new-name').value = ''; });
  });

  // ---- schools ----

  function renderSchools() {
    $('schools-body').replaceChildren(...data.schools.map((s) => element('tr', { 'data-id': s.id },
      element('th', { scope: 'row', text: s.name }), element('td', { text: s.city }), element('td', { text: LEVELS[s.level] || s.level }),
      element('td', { text: nameOf(data.districts, s.districtId) }), element('td', { text: nameOf(data.agencies, s.agencyId) }),
      element('td', {}, `${s.active ? 'Yes' : 'No'} `, button(s.active ? 'Take off' : 'Put back', () =>
        change(`/api/v1/admin/schools/${encodeURIComponent(s.id)}/${s.active ? 'deactivate' : 'activate'}`, 'POST', undefined,
          s.active ? `${s.name} is off the public list; its tips stay.` : `${s.name} is back on the public list.`),
      { 'aria-label': `${s.active ? 'Take off the public list' : 'Put back on the public list'}: ${s.name}` })))));
    keepChoice($('school-new-district'), data.districts.map((d) => [d.id, d.name]));
    keepChoice($('school-new-agency'), data.agencies.map((a) => [a.id, a.name]));
  }

  $('school-new').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { name: $('school-new-name').value, city: $('school-new-city').value, level: $('school-new-level').value,
      districtId: $('school-new-district').value || null, agencyId: $('school-new-agency').value || null };
    change('/api/v1/admin/schools', 'POST', body, (s) => `${s.name} is added and on the public list.`, $('school-add'), () => {
      $('school-new-name').value = '';
      $('school-new-city').value = '';
    });
  });

  // ---- agencies (administrators) ----

  function renderAgencies() {
    $('agencies-body').replaceChildren(...data.agencies.map((a) => element('tr', { 'data-id': a.id },
      element('th', { scope: 'row', text: a.name }), element('td', { text: KINDS[a.kind] || a.kind }),
      element('td', { text: a.onCallMobile || 'none' }), element('td', { text: a.supervisorMobile || 'none' }),
      element('td', {}, button('Mobile numbers', () => editAgency(a), { 'aria-label': `Mobile numbers of ${a.name}` })))));
  }

  function editAgency(a) {
    editing.agency = a.id;
    $('agency-mobiles-legend').textContent = `Mobile numbers of ${a.name}`;
    $('agency-oncall-mobile').value = a.onCallMobile || '';
    $('agency-supervisor-mobile').value = a.supervisorMobile || '';
    $('agency-mobiles').hidden = false;
    $('agency-oncall-mobile').focus();
  }

  $('agency-mobiles-cancel').addEventListener('click', () => { $('agency-mobiles').hidden = true; editing.agency = null; });
  $('agency-mobiles').addEventListener('submit', (event) => {
    event.preventDefault();
    change(`/api/v1/admin/agencies/${encodeURIComponent(editing.agency)}/mobiles`, 'PUT',
      { onCallMobile: optional($('agency-oncall-mobile').value), supervisorMobile: optional($('agency-supervisor-mobile').value) },
      (a) => `The numbers of ${a.name} are saved.`, $('agency-mobiles-save'), () => { $('agency-mobiles').hidden = true; });
  });
  $('agency-new').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { name: $('agency-new-name').value, kind: $('agency-new-kind').value, onCallEmail: $('agency-new-oncall').value,
      supervisorEmail: $('agency-new-supervisor').value, onCallMobile: optional($('agency-new-oncall-mobile').value),
      supervisorMobile: optional($('agency-new-supervisor-mobile').value) };
    change('/api/v1/admin/agencies', 'POST', body, (a) => `${a.name} is added.`, $('agency-add'), () => {
      for (const id of ['agency-new-name', 'agency-new-oncall', 'agency-new-supervisor', 'agency-new-oncall-mobile',
        'agency-new-supervisor-mobile']) $(id).value = '';
    });
  });

  // ---- staff ----

  function mobileText(s) {
    if (ctx.isAdmin()) return s.mobile || 'none';
    return s.hasMobile ? 'set (shown to administrators only)' : 'none';
  }

  function renderStaff() {
    $('staff-body').replaceChildren(...data.staff.map((s) => {
      const home = s.districtId ? nameOf(data.districts, s.districtId) : s.agencyId ? nameOf(data.agencies, s.agencyId) : 'the state';
      // Coordinators manage the counselor and coordinator accounts of their district; the SROs serving it are listed only.
      const manages = ctx.isAdmin() || (s.districtId && (s.role === 'COUNSELOR' || s.role === 'COORDINATOR'));
      const actions = element('td', { class: 'buttons' }, manages
        ? button('Mobile', () => editMobile(s), { 'aria-label': `Mobile number of ${s.email}` }) : 'managed by administrators');
      if (manages && s.enabled) {
        actions.append(button('Reset', () => change(`/api/v1/admin/staff/${encodeURIComponent(s.id)}/reset`, 'POST', undefined,
          invited(s.email, 'was reset')), { 'aria-label': `Reset the password of ${s.email}` }),
        button('Disable', () => change(`/api/v1/admin/staff/${encodeURIComponent(s.id)}/disable`, 'POST', undefined,
          `${s.email} is disabled; its sign-ins have ended.`), { 'aria-label': `Disable ${s.email}` }));
      }
      return element('tr', { 'data-id': s.id, 'data-email': s.email },
        element('th', { scope: 'row', text: s.displayName }), element('td', { text: s.email }),
        element('td', { text: ROLES[s.role] || s.role }), element('td', { text: home }),
        element('td', { text: `${s.enabled ? 'active' : 'disabled'}${s.totpEnabled ? ', authenticator on' : ''}` }),
        element('td', { class: 'mobile', text: mobileText(s) }), actions);
    }));
    keepChoice($('staff-new-district'), [['', '—'], ...data.districts.map((d) => [d.id, d.name])]);
    keepChoice($('staff-new-agency'), [['', '—'], ...data.agencies.map((a) => [a.id, a.name])]);
  }

  /** What an account change answers: an invitation mailed (200/201), or a request waiting for a second administrator. */
  function invited(email, what) {
    return (answer) => (answer && answer.invitationExpiresAt
      ? `${email} ${what}: an invitation to set a password is mailed to its owner.`
      : `${email}: the request waits for a second administrator's approval.`);
  }

  function editMobile(s) {
    editing.staff = s.id;
    $('staff-mobile-legend').textContent = `Mobile number of ${s.displayName} (${s.email})`;
    $('staff-mobile-number').value = s.mobile || '';
    $('staff-mobile-number').placeholder = !s.mobile && s.hasMobile ? 'a number is set: type a new one, or leave empty to remove it' : '';
    $('staff-mobile').hidden = false;
    $('staff-mobile-number').focus();
  }

  $('staff-mobile-cancel').addEventListener('click', () => { $('staff-mobile').hidden = true; editing.staff = null; });
  $('staff-mobile').addEventListener('submit', (event) => {
    event.preventDefault();
    const mobile = optional($('staff-mobile-number').value);
    change(`/api/v1/admin/staff/${encodeURIComponent(editing.staff)}/mobile`, 'PUT', { mobile },
      (s) => (mobile ? `The mobile number of ${s.email} is saved; its owner is told.` : `${s.email} has no mobile number now.`),
      $('staff-mobile-save'), () => { $('staff-mobile').hidden = true; });
  });
  $('staff-new').addEventListener('submit', (event) => {
    event.preventDefault();
    const email = $('staff-new-email').value.trim();
    const body = { email, displayName: $('staff-new-name').value, role: $('staff-new-role').value,
      districtId: $('staff-new-district').value || null, agencyId: $('staff-new-agency').value || null,
      mobile: optional($('staff-new-mobile').value) };
    change('/api/v1/admin/staff', 'POST', body, invited(email, 'is added'), $('staff-add'), () => {
      for (const id of ['staff-new-email', 'staff-new-name', 'staff-new-mobile']) $(id).value = '';
    });
  });

  // ---- assignments ----

  function renderAssignments() {
    const staffOf = (id) => data.staff.find((s) => s.id === id);
    const who = (id) => { const s = staffOf(id); return s ? `${s.displayName} (${s.email})` : id; };
    $('assignments-body').replaceChildren(...data.assignments.map((a) => element('tr', {},
      element('th', { scope: 'row', text: who(a.staffId) }), element('td', { text: nameOf(data.schools, a.schoolId) }),
      element('td', { text: ROLES[a.kind] || a.kind }), element('td', { text: a.primary ? 'Yes' : 'No' }),
      element('td', {}, button('End', () => change(`/api/v1/admin/staff/${encodeURIComponent(a.staffId)}/assignments/${
        encodeURIComponent(a.schoolId)}`, 'DELETE', undefined, `The assignment of ${who(a.staffId)} to ${nameOf(data.schools, a.schoolId)} has ended.`),
      { 'aria-label': `End the assignment of ${who(a.staffId)} to ${nameOf(data.schools, a.schoolId)}` })))));
    keepChoice($('assignment-staff'), data.staff.filter((s) => s.enabled && (s.role === 'SRO' || s.role === 'COUNSELOR'))
      .map((s) => [s.id, `${s.displayName} (${ROLES[s.role]}, ${s.email})`]));
    keepChoice($('assignment-school'), data.schools.filter((s) => s.active).map((s) => [s.id, `${s.name} (${s.city})`]));
  }

  $('assignment-new').addEventListener('submit', (event) => {
    event.preventDefault();
    const staff = data.staff.find((s) => s.id === $('assignment-staff').value);
    const schoolId = $('assignment-school').value;
    if (!staff || !schoolId) {
      say(message, 'Choose the staff member and the school.', 'error');
      return;
    }
    change(`/api/v1/admin/staff/${encodeURIComponent(staff.id)}/assignments/${encodeURIComponent(schoolId)}`, 'PUT',
      { kind: staff.role, primary: $('assignment-primary').checked },
      `${staff.displayName} now serves ${nameOf(data.schools, schoolId)}; they are told by mail.`, $('assignment-add'));
  });

  // ---- import and export ----

  function forgetPreview() {
    preview = null;
    $('import-apply').disabled = true;
  }

  $('import-kind').addEventListener('change', () => { forgetPreview(); $('import-result').hidden = true; });
  $('import-file').addEventListener('change', () => { forgetPreview(); $('import-result').hidden = true; });

  $('import-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const file = $('import-file').files[0];
    if (!file) {
      say(message, 'Choose the CSV file to import.', 'error');
      $('import-file').focus();
      return;
    }
    runImport($('import-kind').value, file, true);
  });
  $('import-apply').addEventListener('click', () => {
    if (preview) runImport(preview.kind, preview.file, false);
  });

  async function runImport(kind, file, dryRun) {
    forgetPreview();
    $('import-preview').disabled = true;
    say(message, dryRun ? 'Checking the file…' : 'Importing…');
    let answer;
    try {
      answer = await ctx.call(`/api/v1/admin/import/${encodeURIComponent(kind)}${dryRun ? '?dryRun=true' : ''}`,
        { method: 'POST', body: file, contentType: 'text/csv' });
    } catch (error) {
      if (error.handled) return;
      showRefusal(error);
      return;
    } finally {
      $('import-preview').disabled = false;
    }
    showOutcome(answer);
    if (dryRun) {
      preview = { kind, file };
      $('import-apply').disabled = answer.created + answer.updated === 0;
      say(message, answer.created + answer.updated === 0
        ? 'The file matches the directory already: importing it would change nothing.'
        : 'Nothing has been changed yet. Check the rows below, then apply the import.', 'ok');
    } else {
      say(message, `Imported: ${counts(answer)}.`, 'ok');
    }
  }

  const counts = (a) => `${a.created} created, ${a.updated} updated, ${a.unchanged} unchanged`;

  function showOutcome(answer) {
    $('import-result-heading').textContent = answer.dryRun ? `Preview of the ${answer.kind} file` : `The ${answer.kind} file is imported`;
    $('import-summary').textContent = answer.dryRun ? `Would be: ${counts(answer)}.` : `${counts(answer)}.`;
    $('import-head').replaceChildren(element('tr', {}, element('th', { scope: 'col', text: 'Row' }),
      element('th', { scope: 'col', text: 'Matched on' }), element('th', { scope: 'col', text: answer.dryRun ? 'Would be' : 'Outcome' })));
    $('import-body').replaceChildren(...answer.rows.map((r) => element('tr', { class: `outcome-${r.outcome}` },
      element('td', { text: String(r.row) }), element('td', { text: r.matchedOn }), element('td', { text: r.outcome }))));
    $('import-result').hidden = false;
    $('import-result').classList.remove('refused');
  }

  function showRefusal(error) {
    const errors = (error.problem && Array.isArray(error.problem.errors)) ? error.problem.errors : [];
    if (!errors.length) {
      $('import-result').hidden = true;
      say(message, `The file was refused: ${problemText(error)}`, 'error');
      return;
    }
    $('import-result-heading').textContent = `The file was refused: ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}`;
    $('import-summary').textContent = 'Nothing was changed. Correct every row listed and preview the file again.';
    $('import-head').replaceChildren(element('tr', {}, element('th', { scope: 'col', text: 'Where' }),
      element('th', { scope: 'col', text: 'Problem' })));
    $('import-body').replaceChildren(...errors.map((e) => element('tr', { class: 'import-error' },
      element('td', { text: e.field }), element('td', { text: e.message }))));
    $('import-result').hidden = false;
    $('import-result').classList.add('refused');
    say(message, error.problem.detail || 'The file was refused.', 'error');
    $('import-result-heading').focus();
  }

  $('export-links').addEventListener('click', async (event) => {
    const target = event.target.closest('button[data-export]');
    if (!target) return;
    const kind = target.dataset.export;
    target.disabled = true;
    let csv;
    try {
      csv = await ctx.call(`/api/v1/admin/export/${encodeURIComponent(kind)}`, { headers: { Accept: 'text/csv' }, text: true });
    } catch (error) {
      if (!error.handled) say(message, `The export failed: ${problemText(error)}`, 'error');
      return;
    } finally {
      target.disabled = false;
    }
    // The export needs the staff token, so it is fetched and handed to the browser as a file, never a link with a token.
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = element('a', { href: url, download: `${kind}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say(message, `${kind}.csv is saved: ${Math.max(0, csv.trim().split('\n').length - 1)} rows.`, 'ok');
  });

  const RENDER = { districts: renderDistricts, schools: renderSchools, agencies: renderAgencies, staff: renderStaff,
    assignments: renderAssignments, import: () => {} };

  function clear() {
    generation += 1;
    page = null;
    for (const key of Object.keys(data)) data[key] = [];
    for (const id of ['districts-body', 'schools-body', 'agencies-body', 'staff-body', 'assignments-body', 'import-body']) {
      $(id).replaceChildren();
    }
    for (const id of ['district-form', 'agency-mobiles', 'staff-mobile', 'import-result']) $(id).hidden = true;
    $('import-file').value = '';
    forgetPreview();
    $('console-nav').hidden = true;
    say(message, '');
  }

  return { open, signedIn, clear };
}

/** Fills a select, keeping what was chosen when it is still offered. */
function keepChoice(select, options) {
  const chosen = select.value;
  fillSelect(select, options, false);
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
}
