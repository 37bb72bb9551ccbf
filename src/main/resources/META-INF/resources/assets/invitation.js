// The page an invitation mail links to: /console/invitation#<token>. The token travels in the fragment, which the
// browser never sends to a server; it is read once into memory and wiped from the address bar and history, so
// it is not left on a shared device. The password is posted with it to set the account's password.
import { api, say } from './api.js';

const token = location.hash.slice(1);
history.replaceState(null, '', location.pathname);

const form = document.getElementById('invitation-form');
const message = document.getElementById('invitation-message');
const password = document.getElementById('invitation-password');
const repeat = document.getElementById('invitation-repeat');

if (!token) {
  form.hidden = true;
  say(message, 'This page needs the link from your invitation mail. Open that link again, or ask your Tipline administrator for a new invitation.', 'error');
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (password.value.length < 12) {
    say(message, 'The password needs at least 12 characters.', 'error');
    password.focus();
    return;
  }
  if (password.value !== repeat.value) {
    say(message, 'The two passwords are not the same.', 'error');
    repeat.focus();
    return;
  }
  const submit = document.getElementById('invitation-submit');
  submit.disabled = true;
  try {
    await api('/api/v1/invitations/accept', { method: 'POST', body: { token, password: password.value } });
    form.hidden = true;
    password.value = '';
    repeat.value = '';
    say(message, 'Your password is set. Sign in with your email address and this password.', 'ok');
    document.getElementById('invitation-done').hidden = false;
    document.getElementById('invitation-signin').focus();
  } catch (error) {
    say(message, error.message, 'error');
    submit.disabled = false;
  }
});
