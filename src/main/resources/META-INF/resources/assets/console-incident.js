// The case's incident panel: the other tips about the same event that the viewer may see, taking this tip out of
// its incident, and tips that may be about the same event (GET …/similar) with a button to link each. Only metadata
// is shown (reference, school, category, status, time); the similarity is computed by the server, nothing here reads
// what reporters wrote.
import { element, say } from './api.js';
import { problemText, STATUS_TEXT, timeElement } from './console-util.js';

const $ = (id) => document.getElementById(id);

export function createIncident(ctx) {
  const body = $('case-incident-body');
  const message = $('case-incident-message');
  let shown = null;
  let busy = false;
  let rendering = Promise.resolve();

  /** Loads and shows the tip's incident and suggestions; {@code reload} reloads the whole case after a change. */
  function render(detail, zone, reload) {
    rendering = show(detail, zone, reload);
    return rendering;
  }

  async function show(detail, zone, reload) {
    if (detail.retention && detail.retention.shreddedAt) {
      clear();
      return;
    }
    const tipId = detail.id;
    shown = tipId;
    const path = `/api/v1/staff/tips/${encodeURIComponent(tipId)}`;
    let incident;
    let similar;
    try {
      [incident, similar] = await Promise.all([ctx.call(`${path}/incident`), ctx.call(`${path}/similar`)]);
    } catch (error) {
      if (shown === tipId && !error.handled) say(message, problemText(error), 'error');
      return;
    }
    if (shown !== tipId) return; // another tip was opened meanwhile
    const linked = new Set(incident.tips.map((t) => t.id));
    const candidates = similar.filter((s) => !linked.has(s.tip.id));
    body.replaceChildren(
      ...incidentPart(incident, path, zone, reload),
      element('h3', { text: 'Possibly about the same event' }),
      candidates.length
        ? element('ul', { class: 'incident-tips', id: 'incident-similar' },
          ...candidates.map((s) => element('li', { 'data-id': s.tip.id }, ...tipFacts(s.tip, zone),
            element('span', { class: 'hint-inline', text: ` · ${Math.round(s.score * 100)} % alike ` }),
            linkButton(s.tip, path, reload))))
        : element('p', { class: 'hint', id: 'incident-similar-empty',
          text: 'No tip you can see from the same school or district, in an overlapping category, within 72 hours.' }));
    $('case-incident').hidden = false;
  }

  function incidentPart(incident, path, zone, reload) {
    if (!incident.incidentId) {
      return [element('p', { id: 'incident-none', text: 'This tip is not linked to other tips.' })];
    }
    const unlink = element('button', { type: 'button', class: 'secondary', id: 'incident-unlink',
      text: 'Take this tip out of the incident' });
    unlink.addEventListener('click', () => change(`${path}/incident`, { method: 'DELETE' },
      'Taken out of the incident.', reload));
    return [
      incident.tips.length
        ? element('ul', { class: 'incident-tips', id: 'incident-linked' },
          ...incident.tips.map((t) => element('li', { 'data-id': t.id }, ...tipFacts(t, zone))))
        : element('p', { id: 'incident-hidden', text: 'Linked to an incident whose other tips are outside your scope.' }),
      element('div', { class: 'actions' }, unlink),
    ];
  }

  function tipFacts(tip, zone) {
    const open = element('a', { class: 'open-tip', href: `/console/tips/${encodeURIComponent(tip.id)}`, text: tip.reference });
    open.addEventListener('click', (event) => {
      event.preventDefault();
      ctx.openTip(tip.id);
    });
    const category = ctx.directory.categoryLabel.get(tip.category) || tip.category;
    return [
      open,
      ` · ${tip.schoolName || 'No school given'} · ${category} · `
        + `${STATUS_TEXT[tip.status] || tip.status} · `,
      timeElement(tip.submittedAt, zone),
    ];
  }

  function linkButton(tip, path, reload) {
    const button = element('button', { type: 'button', class: 'secondary link-incident', 'data-id': tip.id,
      text: 'Same incident', 'aria-label': `Same incident as ${tip.reference}` });
    button.addEventListener('click', () => change(`${path}/incident`, { method: 'POST', body: { tipId: tip.id } },
      `Linked with ${tip.reference}.`, reload));
    return button;
  }

  async function change(url, options, done, reload) {
    if (busy) return;
    busy = true;
    try {
      await ctx.call(url, options);
      await reload();
      await rendering; // the case's reload renders this panel again
      say(message, done, 'ok');
    } catch (error) {
      if (!error.handled) say(message, problemText(error), 'error');
    } finally {
      busy = false;
    }
  }

  function clear() {
    shown = null;
    body.replaceChildren();
    say(message, '');
    $('case-incident').hidden = true;
  }

  return { render, clear };
}
