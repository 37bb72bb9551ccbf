// The statistics page of the console (/console/stats): filters, figures, tables and charts drawn here as SVG.
// Every figure comes from GET /api/v1/stats, counted by the server over metadata; withheld small counts show as <5.
import { element, say } from './api.js';
import { duration, fillSelect, OUTCOME_TEXT, problemText } from './console-util.js';

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const WEEKDAYS = { MONDAY: 'Monday', TUESDAY: 'Tuesday', WEDNESDAY: 'Wednesday', THURSDAY: 'Thursday', FRIDAY: 'Friday',
  SATURDAY: 'Saturday', SUNDAY: 'Sunday' };
const CHANNELS = { WEB: 'Web form', PHONE: 'Phone', WALK_IN: 'In person', EMAIL: 'Email', TEXT: 'Text message' };
const BREAKDOWNS = [['month,category', 'Month and category'], ['month', 'Month'], ['category', 'Category'], ['school', 'School'],
  ['channel', 'Channel'], ['outcome', 'Outcome'], ['urgency', 'Urgency']];
const WITHHELD = '<5';

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

const missing = (value) => value === null || value === undefined;
const percentOf = (share) => `${Math.round(share * 1000) / 10} %`;

/** Formats a figure of {@code figures}: <5 when suppression withheld it, a dash when there was nothing to compute. */
function shown(figures, name, value, format) {
  if (!missing(value)) return format(value);
  return figures.withheld.includes(name) ? WITHHELD : '—';
}
const count = (f, name) => shown(f, name, f[name], String);
const percent = (f, name) => shown(f, name, f[name], percentOf);
const seconds = (f, name, which) => shown(f, name, f[name][which], duration);
const isoDay = (date) => date.toISOString().slice(0, 10);

/** The first of August that starts the school year of a day. */
function schoolYearStart(day) {
  const date = new Date(`${day}T00:00:00Z`);
  const year = date.getUTCMonth() >= 7 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  return `${year}-08-01`;
}

/** An SVG chart with a title for assistive technology; the tables below carry the same numbers. */
function chart(id, title, width, height) {
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title`, class: 'chart', id });
  root.append(svg('title', { id: `${id}-title` }, title));
  return root;
}

/** Vertical bars per month, each stacked from several series (a missing or withheld part is not drawn). */
function stackedBars(id, title, months, series, valueOf, label) {
  const width = 640;
  const height = 260;
  const top = 24;
  const bottom = 30;
  const left = 60;
  const root = chart(id, title, width, height);
  const totals = months.map((month) => series.reduce((sum, name) => sum + (valueOf(month, name) || 0), 0));
  const max = Math.max(1, ...totals);
  const step = (width - left) / Math.max(1, months.length);
  const scale = (height - top - bottom) / max;
  root.append(svg('line', { x1: left, y1: height - bottom, x2: width, y2: height - bottom, class: 'axis' }));
  root.append(svg('line', { x1: left, y1: top, x2: width, y2: top, class: 'grid' }));
  root.append(svg('text', { x: left - 6, y: top + 4, class: 'tick end' }, label(max)));
  months.forEach((month, i) => {
    let y = height - bottom;
    series.forEach((name, s) => {
      const value = valueOf(month, name);
      if (!value) return;
      const h = value * scale;
      y -= h;
      const bar = svg('rect', { x: left + i * step + step * 0.15, y, width: step * 0.7, height: h, class: `series-${s % 8}` });
      bar.append(svg('title', {}, `${month} ${name}: ${label(value)}`));
      root.append(bar);
    });
    root.append(svg('text', { x: left + i * step + step / 2, y: height - bottom + 16, class: 'tick middle' }, month));
    root.append(svg('text', { x: left + i * step + step / 2, y: y - 4, class: 'tick middle' }, totals[i] ? label(totals[i]) : ''));
  });
  return root;
}

/** Horizontal bars with their share of the whole. */
function shareBars(id, title, rows) {
  const width = 640;
  const row = 30;
  const root = chart(id, title, width, Math.max(1, rows.length) * row + 10);
  const max = Math.max(1, ...rows.map((r) => r.value || 0));
  rows.forEach((r, i) => {
    const y = 5 + i * row;
    root.append(svg('text', { x: 0, y: y + 18, class: 'tick' }, r.label));
    const bar = svg('rect', { x: 160, y: y + 4, width: Math.max(1, ((width - 260) * (r.value || 0)) / max), height: row - 10,
      class: `series-${i % 8}` });
    bar.append(svg('title', {}, `${r.label}: ${r.text}`));
    root.append(bar);
    root.append(svg('text', { x: width - 90, y: y + 18, class: 'tick' }, r.text));
  });
  return root;
}

function legend(names, labelOf) {
  return element('ul', { class: 'legend' }, ...names.map((name, s) => element('li', {},
    element('span', { class: `swatch series-${s % 8}`, 'aria-hidden': 'true' }), labelOf(name))));
}

export function createStats(ctx) {
  const view = $('stats-view');
  const message = $('stats-message');
  const form = $('stats-filters');
  const fields = { from: $('stats-from'), to: $('stats-to'), school: $('stats-school'), groupBy: $('stats-group') };
  let generation = 0;
  fillSelect(fields.groupBy, BREAKDOWNS, false);

  const categoryLabel = (code) => ctx.directory.categoryLabel.get(code) || code;
  const keyLabel = (dimension, value, names) => {
    if (dimension === 'category') return categoryLabel(value);
    if (dimension === 'school' || dimension === 'district') return value === 'none' ? 'No school given' : names[value] || value;
    if (dimension === 'outcome') return value === 'OPEN' ? 'Open' : OUTCOME_TEXT[value] || value;
    if (dimension === 'channel') return CHANNELS[value] || value;
    if (dimension === 'urgency') return value === 'LIFE_SAFETY' ? 'Life-safety' : 'Standard';
    return value;
  };

  function query(groupBy) {
    const params = new URLSearchParams({ from: fields.from.value, to: fields.to.value });
    if (fields.school.value) params.set('school', fields.school.value);
    if (groupBy) params.set('groupBy', groupBy);
    return params.toString();
  }

  function summary(report) {
    const t = report.totals;
    const times = (name) => `${seconds(t, name, 'medianSeconds')} / ${seconds(t, name, 'p90Seconds')}`;
    const facts = [
      ['Tips', count(t, 'tips')], ['Incidents', count(t, 'incidents')], ['Life-safety share', percent(t, 'lifeSafetyShare')],
      ['False reports (unfounded)', percent(t, 'falseReportRate')], ['Misuse (false report)', percent(t, 'misuseRate')],
      ['Reporter replied in conversations', percent(t, 'replyRate')],
      ['Time to acknowledge (median / 90 %)', times('acknowledge')],
      ['Life-safety time to acknowledge (median / 90 %)', times('lifeSafetyAcknowledge')],
      ['Time to close (median / 90 %)', times('close')],
      ['Busiest weekday and hour', report.peakWeekday
        ? `${WEEKDAYS[report.peakWeekday]}, ${String(report.peakHour).padStart(2, '0')}:00` : '—'],
    ];
    $('stats-summary').replaceChildren(...facts.flatMap(([term, value]) => [element('dt', { text: term }),
      element('dd', { text: value })]));
  }

  function charts(byMonthCategory, byMonth, byChannel, byOutcome) {
    const months = [...new Set(byMonth.cells.map((c) => c.key.month))].sort();
    const categories = [...new Set(byMonthCategory.cells.map((c) => c.key.category))].sort();
    const tipsOf = new Map(byMonthCategory.cells.map((c) => [`${c.key.month}|${c.key.category}`, c.figures.tips]));
    const ackOf = new Map(byMonth.cells.map((c) => [c.key.month, c.figures.acknowledge.medianSeconds]));
    const share = (report, labelOf) => {
      const total = report.totals.tips || 0;
      return report.cells.map((c) => ({ label: labelOf(c.key), value: c.figures.tips,
        text: missing(c.figures.tips) ? WITHHELD : `${c.figures.tips}${total ? ` (${percentOf(c.figures.tips / total)})` : ''}` }));
    };
    $('stats-chart-months').replaceChildren(
      stackedBars('chart-months', 'Tips per month by category', months, categories,
        (month, category) => tipsOf.get(`${month}|${category}`), String),
      legend(categories, categoryLabel));
    $('stats-chart-ack').replaceChildren(stackedBars('chart-ack', 'Median time to acknowledge per month', months, ['ack'],
      (month) => ackOf.get(month), duration));
    $('stats-chart-channels').replaceChildren(shareBars('chart-channels', 'How tips came in',
      share(byChannel, (key) => CHANNELS[key.channel] || key.channel)));
    $('stats-chart-outcomes').replaceChildren(shareBars('chart-outcomes', 'Outcomes',
      share(byOutcome, (key) => keyLabel('outcome', key.outcome))));
  }

  function table(report) {
    const dimensions = report.groupBy;
    const head = element('tr', {}, ...dimensions.map((d) => element('th', { scope: 'col', text: d[0].toUpperCase() + d.slice(1) })),
      ...['Tips', 'Incidents', 'Life-safety', 'Closed', 'False reports', 'Misuse', 'Acknowledged (median)', 'Closed (median)']
        .map((text) => element('th', { scope: 'col', text })));
    const rows = report.cells.map((cell) => {
      const f = cell.figures;
      return element('tr', { class: cell.suppressed ? 'withheld' : null },
        ...dimensions.map((d, i) => element(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null,
          text: keyLabel(d, cell.key[d], report.names) })),
        ...[count(f, 'tips'), count(f, 'incidents'), count(f, 'lifeSafety'), count(f, 'closed'), percent(f, 'falseReportRate'),
          percent(f, 'misuseRate'), seconds(f, 'acknowledge', 'medianSeconds'), seconds(f, 'close', 'medianSeconds')]
          .map((text) => element('td', { text })));
    });
    $('stats-table').replaceChildren(element('thead', {}, head), element('tbody', {}, ...rows));
    $('stats-table-note').hidden = !report.suppression;
  }

  async function load(focus) {
    const mine = ++generation;
    say(message, 'Counting…');
    try {
      const [report, byMonthCategory, byMonth, byChannel, byOutcome, breakdown] = await Promise.all(
        ['', 'month,category', 'month', 'channel', 'outcome', fields.groupBy.value]
          .map((groupBy) => ctx.call(`/api/v1/stats?${query(groupBy)}`)));
      if (mine !== generation) return;
      summary(report);
      charts(byMonthCategory, byMonth, byChannel, byOutcome);
      table(breakdown);
      $('stats-body').hidden = false;
      say(message, '');
      if (focus) $('stats-heading').focus();
    } catch (error) {
      if (!error.handled && mine === generation) say(message, problemText(error), 'error');
    }
  }

  async function download() {
    try {
      const answer = await fetch(`/api/v1/stats.csv?${query(fields.groupBy.value)}`, { headers: { Authorization: `Bearer ${ctx.token()}` },
        credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
      if (!answer.ok) throw Object.assign(new Error(), { status: answer.status, problem: await answer.json() });
      const link = element('a', { href: URL.createObjectURL(await answer.blob()), download: 'tipline-stats.csv' });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    } catch (error) {
      say(message, problemText(error), 'error');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(false);
  });
  fields.groupBy.addEventListener('change', () => load(false));
  $('stats-csv').addEventListener('click', download);
  $('stats-annual').addEventListener('click', async () => {
    fields.from.value = schoolYearStart(fields.to.value);
    const start = Number(fields.from.value.slice(0, 4));
    fields.to.value = `${start + 1}-07-31`;
    await load(false);
    window.print();
  });

  return {
    show(focus) {
      document.title = 'Statistics — Tipline staff console';
      ctx.showView('stats', false);
      const allowed = ['COORDINATOR', 'ANALYST'].includes(ctx.me().role);
      $('stats-work').hidden = !allowed;
      $('stats-denied').hidden = allowed;
      if (!allowed) return;
      if (!fields.to.value) {
        fields.to.value = isoDay(new Date());
        fields.from.value = schoolYearStart(fields.to.value);
      }
      fillSelect(fields.school, ctx.directory.schools.map((s) => [s.id, s.name]));
      load(focus);
    },
    clear() {
      generation += 1;
      for (const id of ['stats-summary', 'stats-chart-months', 'stats-chart-ack', 'stats-chart-channels', 'stats-chart-outcomes',
        'stats-table']) $(id).replaceChildren();
      $('stats-body').hidden = true;
      if (view) say(message, '');
    },
  };
}
