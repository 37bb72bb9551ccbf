// The reporter page's own keys for one follow-up session (DESIGN 6), made by WebCrypto with private halves that cannot
// be exported: an ECDSA P-256 key that proves possession of the token (DPoP, RFC 9449) and an ECDH P-256 key that
// the service seals every answer to. A token or an answer lifted from a logging network is useless without them.
import { serviceNow } from './api.js';
import { fromBase64Url, toBase64Url } from './envelope.js';

const encoder = new TextEncoder();
const RESPONSE_INFO = encoder.encode('tipline-response-v1');
export const SEALED_TYPE = 'application/vnd.tipline.sealed+json';

export async function newReporterKeys() {
  const subtle = crypto.subtle;
  const signing = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const response = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const jwk = await subtle.exportKey('jwk', signing.publicKey);
  const dpop = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
  const rawResponse = new Uint8Array(await subtle.exportKey('raw', response.publicKey));
  return {
    /** ReporterKeys, as the service takes them. */
    keys: { dpop, response: toBase64Url(rawResponse) },

    /** A DPoP proof for one request, used once. */
    async proof(method, url, token) {
      const header = { typ: 'dpop+jwt', alg: 'ES256', jwk: dpop };
      const ath = toBase64Url(new Uint8Array(await subtle.digest('SHA-256', encoder.encode(token))));
      const claims = { htm: method, htu: new URL(url, location.href).href.split(/[?#]/)[0],
        iat: Math.floor(serviceNow() / 1000), jti: crypto.randomUUID(), ath };
      const input = `${json64(header)}.${json64(claims)}`;
      const signature = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signing.privateKey, encoder.encode(input));
      return `${input}.${toBase64Url(new Uint8Array(signature))}`;
    },

    /** Opens an answer sealed to the response key (SealedReply with epk). */
    async open(reply) {
      const epk = fromBase64Url(reply.epk);
      const server = await subtle.importKey('raw', epk, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
      const shared = await subtle.deriveBits({ name: 'ECDH', public: server }, response.privateKey, 256);
      const hkdf = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
      const key = await subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: epk, info: RESPONSE_INFO }, hkdf,
        { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
      const plain = await subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Url(reply.iv), additionalData: RESPONSE_INFO },
        key, fromBase64Url(reply.ciphertext));
      return JSON.parse(new TextDecoder().decode(plain));
    },
  };
}

function json64(value) {
  return toBase64Url(encoder.encode(JSON.stringify(value)));
}
