// Small helpers of the staff console: times, labels and error texts. Nothing here touches the DOM beyond
// building elements with textContent (tip content is attacker-controlled: never innerHTML).
import { element } from './api.js';
import { closingNoteTexts } from './i18n.js';

// Times are shown in the tip's district's zone, named ("Nov 30, 2026, 14:05 MST"), never in the viewer's browser zone:
// a state desk in another zone must read a district's deadlines on the district's clock.
const TIME_PARTS = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  timeZoneName: 'short' };
const FORMATS = new Map();

function formatIn(zone) {
  const key = zone || '';
  if (!FORMATS.has(key)) {
    let format;
    try {
      format = new Intl.DateTimeFormat('en-US', zone ? { ...TIME_PARTS, timeZone: zone } : TIME_PARTS);
    } catch {
      format = new Intl.DateTimeFormat('en-US', TIME_PARTS); // a zone this browser does not know: its own, still named
    }
    FORMATS.set(key, format);
  }
  return FORMATS.get(key);
}

/** A <time> element with the time in `zone` (an IANA zone; the browser's if none), named, and the ISO instant. */
export function timeElement(iso, zone) {
  if (!iso) return document.createTextNode('—');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return document.createTextNode(String(iso));
  return element('time', { datetime: date.toISOString(), title: zone || null, text: formatIn(zone).format(date) });
}

/** "America/Denver (MST)": a zone's name and its abbreviation at that moment. */
export function zoneText(zone, at = new Date()) {
  const part = formatIn(zone).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part && part.value !== zone ? `${zone} (${part.value})` : String(zone);
}

// Bidirectional controls (marks, embeddings, overrides, isolates) make text read otherwise than it was written:
// "txt.exe" can show as "exe.txt", a number backwards. In what a reporter wrote, each is shown as a visible
// mark such as ⟦U+202E⟧ instead; what is stored stays exactly as sent.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Reporter-written text for display, with every bidi control replaced by a visible mark. */
export function showBidiControls(text) {
  return String(text).replace(BIDI_CONTROLS, (c) => `\u27E6U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}\u27E7`);
}

/** "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function duration(totalSeconds) {
  const s = Math.max(0, Math.round(Number(totalSeconds) || 0));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** "in 12 min" or "8 min ago", relative to now. */
export function relative(iso, now = Date.now()) {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return '';
  const seconds = (at - now) / 1000;
  return seconds >= 0 ? `in ${duration(seconds)}` : `${duration(-seconds)} ago`;
}

export const STATUS_TEXT = {
  NEW: 'new, not acknowledged yet',
  ACKNOWLEDGED: 'acknowledged',
  IN_PROGRESS: 'being worked on',
  CLOSED: 'closed',
};

export const OUTCOME_TEXT = {
  INTERVENTION: 'Intervention',
  REFERRED: 'Referred',
  UNFOUNDED: 'Unfounded',
  DUPLICATE: 'Duplicate',
  FALSE_REPORT: 'False report',
  INSUFFICIENT_INFO: 'Insufficient information',
};

// The reporter-facing texts of the closing notes, in English: staff see what an English-speaking reporter reads.
export const CLOSING_NOTE_TEXT = closingNoteTexts('en');

/** The closing note the server picks when none is given (CaseLifecycle.defaultNote). */
export function defaultClosingNote(outcome) {
  return outcome === 'INTERVENTION' || outcome === 'REFERRED' ? 'TRUSTED_ADULT_FOLLOWING_UP' : 'LOOKED_INTO';
}

export function urgencyText(urgency) {
  return urgency === 'LIFE_SAFETY' ? 'Life-safety' : urgency === 'STANDARD' ? 'Standard' : String(urgency || '');
}

/** A text badge, so that highlighting never relies on colour alone. */
export function badge(kind, text) {
  return element('span', { class: `badge ${kind}`, text });
}

/** The server's own words for a failed request, with the rejected fields when there are any. */
export function problemText(error, fallback = 'Something went wrong.') {
  if (!error) return fallback;
  if (error.status === 0) return 'The server could not be reached. Check your connection and try again.';
  const problem = error.problem || {};
  let text = problem.detail || problem.title || error.message || fallback;
  if (Array.isArray(problem.errors) && problem.errors.length) {
    text += ' ' + problem.errors.map((e) => `${e.field}: ${e.message}.`).join(' ');
  }
  if (error.status === 429 && error.retryAfter) {
    text += ` Try again in ${duration(error.retryAfter)}.`;
  }
  return text;
}

/** Replaces the options of a select after its first (placeholder) option. */
export function fillSelect(select, options, keepFirst = true) {
  const first = keepFirst ? select.options[0] : null;
  select.replaceChildren(...(first ? [first] : []), ...options.map(([value, text]) => element('option', { value, text })));
}
