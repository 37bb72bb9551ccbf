// Console sign-in at the organisation's OpenID Connect provider (tipline.auth.mode=external-oidc): the authorization
// code flow with PKCE (RFC 7636, S256), run by this page as a public client. GET /api/v1/auth/config names the
// provider's endpoints and the console's client id.
//
// - The state and the PKCE verifier are made here (WebCrypto) and kept in sessionStorage only while the browser is
//   at the provider; they are removed when it comes back, whatever the answer. The verifier leaves the browser
//   only in the POST to the token endpoint.
// - The provider answers at /console?code=…&state=…: the address is replaced at once, before anything else, so the
//   code stays neither in the address bar nor in the history. An answer whose state is not the one this tab sent is
//   refused without asking for a token.
// - The token is the console's Bearer token, held in console.js's memory only, like a built-in one; the service
//   verifies it (issuer, audience, signature, expiry, the account). No refresh token is asked for or kept: when it
//   expires, staff sign in again (one click while the provider's own session lasts).
import { api, say } from './api.js';

const PENDING = 'tipline.console.signin';
const SIGNED_OUT = 'tipline.console.signed-out';
const $ = (id) => document.getElementById(id);

function base64url(bytes) {
  let text = '';
  for (const byte of new Uint8Array(bytes)) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier) {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

function redirectUri() {
  return `${location.origin}/console`;
}

function url(endpoint, parameters) {
  const target = new URL(endpoint);
  for (const [name, value] of Object.entries(parameters)) target.searchParams.set(name, value);
  return target.toString();
}

/** Only a console path of this origin is returned to after sign-in. */
function consolePath(path) {
  return typeof path === 'string' && /^\/console(\/[A-Za-z0-9/_-]*)?$/.test(path) ? path : '/console';
}

function takePending() {
  let pending = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  } catch {
    pending = null;
  }
  sessionStorage.removeItem(PENDING);
  return pending;
}

/**
 * The external sign-in of the console. `signedIn({ accessToken, expiresIn })` continues as after a built-in sign-in;
 * `showSignIn(focus, message, kind)` shows the sign-in view with a message.
 */
export function createExternalSignIn({ signedIn, showSignIn }) {
  let provider = null;

  $('signin-external-start').addEventListener('click', () => begin().catch(() => showSignIn(true,
    'This browser cannot start the sign-in (it needs WebCrypto on a secure connection).', 'error')));

  async function begin() {
    const verifier = randomText(32);
    const state = randomText(16);
    const challenge = await challengeOf(verifier);
    sessionStorage.setItem(PENDING, JSON.stringify({ state, verifier, returnTo: consolePath(location.pathname) }));
    location.assign(url(provider.authorizationEndpoint, {
      response_type: 'code',
      client_id: provider.clientId,
      redirect_uri: redirectUri(),
      scope: provider.scopes,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }));
  }

  async function exchange(code, verifier) {
    const body = new URLSearchParams({
      grant_type: 'authorization_code', code, redirect_uri: redirectUri(), client_id: provider.clientId, code_verifier: verifier,
    });
    let response;
    try {
      response = await fetch(provider.tokenEndpoint, {
        method: 'POST', body, headers: { Accept: 'application/json' }, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
      });
    } catch {
      return { failure: 'Your identity provider could not be reached to finish signing in. Try again.' };
    }
    const answer = await response.json().catch(() => ({}));
    if (!response.ok || typeof answer.access_token !== 'string' || String(answer.token_type).toLowerCase() !== 'bearer') {
      return { failure: 'Your identity provider did not complete the sign-in. Sign in again.' };
    }
    return { accessToken: answer.access_token, expiresIn: Number(answer.expires_in) || 300 };
  }

  /** Finishes a sign-in the provider answered (at /console?code=…&state=… or ?error=…). */
  async function finish(parameters) {
    const pending = takePending();
    history.replaceState({}, '', pending ? consolePath(pending.returnTo) : '/console');
    const state = parameters.get('state');
    if (!pending || !state || state !== pending.state) {
      showSignIn(true, 'That sign-in answer was not for a sign-in started in this window, so it was ignored. Sign in again.', 'error');
      return;
    }
    if (parameters.has('error') || !parameters.get('code')) {
      const denied = parameters.get('error') === 'access_denied';
      showSignIn(true, denied ? 'Sign-in was cancelled at your identity provider.'
        : 'Your identity provider did not sign you in. Sign in again, or ask your administrator.', 'error');
      return;
    }
    say($('signin-message'), 'Signing in…');
    const answer = await exchange(parameters.get('code'), pending.verifier);
    if (answer.failure) {
      showSignIn(true, answer.failure, 'error');
      return;
    }
    try {
      await api('/api/v1/staff/me', { token: answer.accessToken });
    } catch (error) {
      showSignIn(true, error.status === 401
        ? 'Your identity provider signed you in, but Tipline has no enabled account with that email address. Ask your Tipline administrator.'
        : 'Signed in, but the console could not load. Try again.', 'error');
      return;
    }
    await signedIn(answer);
  }

  return {
    /** Reads the sign-in mode; in external mode shows the provider button and finishes a sign-in under way. */
    async start() {
      // A provider's answer leaves the address bar before anything else, whatever happens next.
      const parameters = new URLSearchParams(location.search);
      const answered = parameters.has('state') || parameters.has('code') || parameters.has('error');
      if (answered) history.replaceState({}, '', location.pathname);
      // The password form stays hidden until the mode is known, so that nobody types a password in external mode.
      let config = null;
      try {
        config = await api('/api/v1/auth/config');
      } catch {
        // The built-in form then; signing in with it reports what is wrong.
      }
      if (!config || config.mode !== 'external-oidc' || !config.provider) {
        $('signin-form').hidden = false;
        return;
      }
      provider = config.provider;
      $('signin-external').hidden = false;
      if (answered) {
        await finish(parameters);
      } else if (sessionStorage.getItem(SIGNED_OUT)) {
        sessionStorage.removeItem(SIGNED_OUT);
        showSignIn(true, 'You are signed out, here and at your identity provider.', 'ok');
      }
    },
    /** True in external mode: sign-ins then last as long as the provider's token, not Tipline's 15 minutes. */
    active() {
      return provider !== null;
    },
    /** After the console forgot the session: ends the provider's session too, if it has an end-session endpoint. */
    signOut() {
      if (!provider || !provider.endSessionEndpoint) return false;
      sessionStorage.setItem(SIGNED_OUT, '1');
      location.assign(url(provider.endSessionEndpoint, { client_id: provider.clientId, post_logout_redirect_uri: redirectUri() }));
      return true;
    },
  };
}
