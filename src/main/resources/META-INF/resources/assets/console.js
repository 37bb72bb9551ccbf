// The staff console: sign-in (with TOTP enrolment), the queue and the case view.
// The access token lives only in this module's memory: never in storage, cookies or the URL. Deep links
// (/console/tips/<id>, from notification mails) carry only the tip id and open that tip after sign-in.
import { api, say } from './api.js';
import { problemText } from './console-util.js';
import { createQueue } from './console-queue.js';
import { createCase } from './console-case.js';
import { createExternalSignIn } from './console-oidc.js';
import { adminPageFromPath, createAdmin } from './console-admin.js';
import { createStats } from './console-stats.js';

const $ = (id) => document.getElementById(id);

const ROLE_TEXT = {
  SRO: 'School Resource Officer',
  COUNSELOR: 'Counselor',
  COORDINATOR: 'District safety coordinator',
  ANALYST: 'State tip-line analyst',
  ADMIN: 'Administrator',
};

const SIGN_IN_FAILED = 'Sign-in failed: check your email, password and, if you use one, your authenticator code.';

/** Thrown instead of a 401 once the console has returned to sign-in; callers just stop. */
class SessionEnded extends Error {
  constructor() {
    super('session ended');
    this.handled = true;
  }
}

const session = { token: null, me: null, warnTimer: 0, endTimer: 0 };
let enrolToken = null;
let lastStaffId = null;

// schools: those of the districts the staff member serves (GET /api/v1/staff/schools), loaded after sign-in.
const directory = { categories: [], categoryLabel: new Map(), schools: [], loaded: null };

const views = {
  signin: $('signin-view'),
  enrol: $('enrol-view'),
  queue: $('queue-view'),
  case: $('case-view'),
  admin: $('admin-view'),
  stats: $('stats-view'),
};
const headings = {
  signin: $('signin-heading'),
  enrol: $('enrol-heading'),
  queue: $('queue-heading'),
  case: $('case-heading'),
  admin: $('admin-heading'),
  stats: $('stats-heading'),
};

function showView(name, focus = true) {
  for (const [key, view] of Object.entries(views)) view.hidden = key !== name;
  if (focus) headings[name].focus();
}

/** Calls the API with the staff token; a 401 returns to sign-in (keeping the deep link) and throws SessionEnded. */
async function call(path, options = {}) {
  const token = session.token;
  if (!token) throw new SessionEnded();
  try {
    return await api(path, { ...options, token });
  } catch (error) {
    if (error.status === 401) {
      if (session.token === token) sessionEnded();
      throw new SessionEnded();
    }
    throw error;
  }
}

function loadDirectory() {
  if (!directory.loaded) {
    directory.loaded = api('/api/v1/categories').then((categories) => {
      directory.categories = categories;
      directory.categoryLabel = new Map(categories.map((c) => [c.code, c.label]));
      queue.fillFilters();
    }).catch((error) => {
      directory.loaded = null;
      throw error;
    });
  }
  return directory.loaded;
}

const ctx = {
  call,
  token: () => session.token,
  directory,
  showView,
  me: () => session.me,
  token: () => session.token,
  isAdmin: () => session.me && session.me.role === 'ADMIN',
  navigate(path) {
    history.pushState({}, '', path);
    route(true);
  },
  openTip(id) {
    history.pushState({ tip: id }, '', `/console/tips/${encodeURIComponent(id)}`);
    route(true);
  },
  backToQueue(message, kind) {
    history.pushState({}, '', '/console');
    route(true);
    if (message) queue.say(message, kind);
  },
};

const queue = createQueue(ctx);
const caseView = createCase(ctx);
const externalSignIn = createExternalSignIn({ signedIn, showSignIn });
const admin = createAdmin(ctx);
const stats = createStats(ctx);

function tipIdFromPath(path) {
  const match = /^\/console\/tips\/([^/]+)\/?$/.exec(path);
  return match ? decodeURIComponent(match[1]) : null;
}

function route(focus) {
  if (!session.token) {
    if (!enrolToken) showSignIn(focus);
    return;
  }
  // Administrators see no tips: their console opens on the directory.
  const adminPage = adminPageFromPath(location.pathname) ?? (ctx.isAdmin() && !tipIdFromPath(location.pathname) ? '' : null);
  if (adminPage !== null) {
    caseView.close();
    admin.open(adminPage, focus);
    return;
  }
  const tipId = tipIdFromPath(location.pathname);
  if (location.pathname.replace(/\/$/, '') === '/console/stats') {
    caseView.close();
    stats.show(focus);
  } else if (tipId) {
    caseView.open(tipId, focus);
  } else {
    caseView.close();
    queue.show(focus);
  }
}

// ---- sign-in ----

function showSignIn(focus = true, message = '', kind = '') {
  document.title = 'Sign in — Tipline staff console';
  showView('signin', focus);
  if (message) say($('signin-message'), message, kind);
}

$('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = $('signin-email');
  const password = $('signin-password');
  const totp = $('signin-totp');
  const message = $('signin-message');
  if (!email.value.trim() || !password.value) {
    say(message, 'Enter your email and your password.', 'error');
    (email.value.trim() ? password : email).focus();
    return;
  }
  const body = { email: email.value.trim(), password: password.value };
  const code = totp.value.replace(/\s+/g, '');
  if (code) body.totp = code;
  const button = $('signin-submit');
  button.disabled = true;
  say(message, 'Signing in…');
  let answer;
  try {
    answer = await api('/api/v1/auth/login', { method: 'POST', body });
  } catch (error) {
    say(message, error.status === 401 ? SIGN_IN_FAILED : problemText(error), 'error');
    totp.value = '';
    return;
  } finally {
    button.disabled = false;
  }
  password.value = '';
  totp.value = '';
  if (answer.totpEnrolmentRequired) {
    say(message, '');
    startEnrolment(answer.accessToken);
    return;
  }
  await signedIn(answer);
});

async function signedIn(answer) {
  session.token = answer.accessToken;
  scheduleExpiry(Number(answer.expiresIn) || 900);
  let me;
  try {
    [me] = await Promise.all([call('/api/v1/staff/me'), loadDirectory()]);
    directory.schools = me.role === 'ADMIN' ? [] : await call('/api/v1/staff/schools');
    queue.fillFilters();
  } catch (error) {
    if (error.handled) return;
    forgetSession(false);
    showSignIn(true, `Signed in, but the console could not load: ${problemText(error)}`, 'error');
    return;
  }
  if (lastStaffId && lastStaffId !== me.id) caseView.forgetDrafts();
  lastStaffId = me.id;
  session.me = me;
  $('whoami').textContent = `Signed in as ${me.displayName} — ${ROLE_TEXT[me.role] || me.role}`;
  admin.signedIn(me);
  $('nav-stats').hidden = !['COORDINATOR', 'ANALYST'].includes(me.role);
  $('session').hidden = false;
  say($('signin-message'), '');
  say($('app-message'), '');
  route(true);
}

function scheduleExpiry(seconds) {
  clearTimeout(session.warnTimer);
  clearTimeout(session.endTimer);
  if (seconds > 90) {
    session.warnTimer = setTimeout(() => say($('app-message'),
      'Your session ends in about a minute. Anything you have not sent stays in its box; you will need to sign in again.', 'warn'),
    (seconds - 60) * 1000);
  }
  // End the session on screen when the token expires, so that tip content does not stay on an unattended screen.
  session.endTimer = setTimeout(() => sessionEnded(), seconds * 1000);
}

/** Forgets the token and every tip shown; keeps unsent drafts only if the session ended by itself. */
function forgetSession(keepDrafts) {
  session.token = null;
  session.me = null;
  clearTimeout(session.warnTimer);
  clearTimeout(session.endTimer);
  $('session').hidden = true;
  $('whoami').textContent = '';
  say($('app-message'), '');
  directory.schools = [];
  queue.clear();
  caseView.clear(keepDrafts);
  admin.clear();
  stats.clear();
}

function sessionEnded() {
  if (!session.token) return;
  forgetSession(true);
  const tip = tipIdFromPath(location.pathname);
  const lasts = externalSignIn.active() ? 'a sign-in lasts as long as your identity provider allows'
    : 'sign-ins last 15 minutes';
  showSignIn(true, `Your session has ended (${lasts}, and "Sign out everywhere" ends them all). `
    + (tip ? 'Sign in again to return to the tip you had open.' : 'Sign in again to continue.'), 'warn');
}

function signOut(message) {
  forgetSession(false);
  lastStaffId = null;
  history.replaceState({}, '', '/console');
  if (externalSignIn.signOut()) return; // on to the identity provider, which ends its own session and sends the browser back
  showSignIn(true, message, 'ok');
}

$('signout').addEventListener('click', () => signOut('You are signed out.'));

$('signout-everywhere').addEventListener('click', async () => {
  const button = $('signout-everywhere');
  button.disabled = true;
  try {
    await call('/api/v1/staff/me/logout-everywhere', { method: 'POST' });
  } catch (error) {
    if (!error.handled) say($('app-message'), `Could not sign out everywhere: ${problemText(error)}`, 'error');
    return;
  } finally {
    button.disabled = false;
  }
  signOut('You are signed out everywhere: every earlier sign-in of your account has ended.');
});

// ---- TOTP enrolment ----

async function startEnrolment(token) {
  enrolToken = token;
  document.title = 'Set up your authenticator — Tipline staff console';
  $('enrol-details').hidden = true;
  $('enrol-secret').textContent = '';
  $('enrol-uri').textContent = '';
  $('enrol-code').value = '';
  showView('enrol');
  const message = $('enrol-message');
  say(message, 'Getting a new secret…');
  try {
    const setup = await api('/api/v1/staff/me/totp', { method: 'POST', token });
    if (enrolToken !== token) return;
    $('enrol-secret').textContent = setup.secret;
    $('enrol-uri').textContent = setup.otpauthUri;
    $('enrol-details').hidden = false;
    say(message, 'Add this secret to your authenticator app, then enter the code it shows.');
  } catch (error) {
    if (error.status === 401) enrolmentExpired();
    else say(message, problemText(error), 'error');
  }
}

function endEnrolment() {
  enrolToken = null;
  $('enrol-secret').textContent = '';
  $('enrol-uri').textContent = '';
  $('enrol-details').hidden = true;
  $('enrol-code').value = '';
  say($('enrol-message'), '');
}

function enrolmentExpired() {
  endEnrolment();
  showSignIn(true, 'The setup time ran out (10 minutes). Sign in again with your email and password to start over.', 'warn');
}

$('enrol-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const code = $('enrol-code').value.replace(/\s+/g, '');
  const message = $('enrol-message');
  if (!code) {
    say(message, 'Enter the code your authenticator app shows.', 'error');
    $('enrol-code').focus();
    return;
  }
  const button = $('enrol-confirm');
  button.disabled = true;
  try {
    await api('/api/v1/staff/me/totp/confirm', { method: 'POST', body: { code }, token: enrolToken });
  } catch (error) {
    if (error.status === 401) enrolmentExpired();
    else say(message, problemText(error), 'error');
    return;
  } finally {
    button.disabled = false;
  }
  endEnrolment();
  showSignIn(true, 'Your authenticator is set up. Sign in again with your email, your password and the next code your app shows.', 'ok');
});

$('enrol-cancel').addEventListener('click', () => {
  endEnrolment();
  showSignIn(true, 'Setup cancelled. You need an authenticator to use the console.', 'warn');
});

// ---- start ----

window.addEventListener('popstate', () => route(true));
loadDirectory().catch(() => { /* retried after sign-in, which reports a failure */ });
showSignIn(false);
externalSignIn.start();
