// The reporter's case code, made and turned into its key K in the browser (DESIGN 6), so that the code itself never
// crosses the network: the service stores only a keyed hash of K and finds the tip by it.
import { fromBase64Url, toBase64Url } from './envelope.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** After this long, the page says why it is still working (Argon2id takes long on old phones). */
export const SLOW_AFTER_MS = 1000;

/** A new case code: 80 random bits (WebCrypto) in Crockford base32, XXXX-XXXX-XXXX-XXXX. */
export function newCaseCode() {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      code += ALPHABET[(value >> bits) & 31];
    }
  }
  return code.match(/.{4}/g).join('-');
}

/** What the reporter typed, read as the service reads it: O as 0, I and L as 1; null when it cannot be a code. */
export function canonical(typed) {
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(text) ? text : null;
}

/**
 * K of a canonical code with the service's published parameters (GET /api/v1/intake-key, caseCodes), base64url.
 * {@code onSlow} runs once if it takes longer than a second.
 */
export function caseCodeKey(code, parameters, onSlow = () => {}) {
  return new Promise((resolve, reject) => {
    const worker = new Worker('/assets/casecode-worker.js');
    const slow = setTimeout(onSlow, SLOW_AFTER_MS);
    const done = () => {
      clearTimeout(slow);
      worker.terminate();
    };
    worker.onmessage = ({ data }) => {
      done();
      if (data.error) reject(new Error(data.error)); else resolve(toBase64Url(data.key));
    };
    worker.onerror = failure => {
      done();
      reject(failure);
    };
    worker.postMessage({ code, salt: fromBase64Url(parameters.salt), memoryKib: parameters.memoryKib,
      iterations: parameters.iterations, parallelism: parameters.parallelism });
  });
}
