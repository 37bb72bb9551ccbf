// What the reporter is told about retention: once the tip is closed, the day from which its conversation is
// deleted; once deleted, that the conversation has ended and its content is gone.
import { language, t } from './i18n.js';

const $ = id => document.getElementById(id);

/** Shows the deletion day or the deleted notice of {@code view}; runs after the page's own render. */
export function renderRetention(view) {
  const deleted = Boolean(view.contentDeleted);
  $('tip-deleted').hidden = !deleted;
  const day = $('tip-deletion');
  day.hidden = deleted || !view.deletionDate;
  // Noon of that day, so that no time zone of the browser moves it to the day before or after.
  day.textContent = view.deletionDate
    ? t('followup.deletion', { date: new Date(`${view.deletionDate}T12:00:00`).toLocaleDateString(language(), { dateStyle: 'long' }) })
    : '';
  if (deleted) {
    // The deleted notice says it all: neither "closed, send a new tip" nor "no messages yet" applies.
    $('tip-closed').hidden = true;
    $('conversation-empty').hidden = true;
  }
}
