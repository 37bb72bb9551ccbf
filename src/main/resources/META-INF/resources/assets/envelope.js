// Encrypts a tip in the browser to the service's intake key (DESIGN 6), so that a school network that logs
// form posts sees only ciphertext: ECDH P-256 with a fresh ephemeral key, HKDF-SHA256, AES-256-GCM.
// The format is specified in openapi.yaml (EncryptedTip) and decrypted by IntakeEnvelope on the server.

export const ALGORITHM = 'ECDH-P256+HKDF-SHA256+A256GCM';
export const MEDIA_TYPE = 'application/vnd.tipline.envelope+json';

/** WebCrypto exists only in secure contexts (HTTPS, or localhost) of browsers that have it. */
export function canEncrypt() {
  return Boolean(globalThis.isSecureContext && globalThis.crypto && globalThis.crypto.subtle);
}

export async function seal(intakeKey, plaintext) {
  return (await sealForReply(intakeKey, plaintext)).envelope;
}

/**
 * An envelope, and the way to open its answer: the service seals it under a key from the same ECDH (HKDF info
 * "tipline-reply-v1|" + kid), so only this page, which holds the ephemeral private key, can read it.
 */
export async function sealForReply(intakeKey, plaintext) { // a string or bytes
  if (intakeKey.alg !== ALGORITHM) {
    throw new Error(`unsupported intake key algorithm ${intakeKey.alg}`);
  }
  const subtle = crypto.subtle;
  const encoder = new TextEncoder();
  const curve = { name: 'ECDH', namedCurve: 'P-256' };
  const recipient = await subtle.importKey('spki', fromBase64Url(intakeKey.publicKey), curve, false, []);
  const ephemeral = await subtle.generateKey(curve, true, ['deriveBits']);
  const epk = new Uint8Array(await subtle.exportKey('raw', ephemeral.publicKey));
  const shared = await subtle.deriveBits({ name: 'ECDH', public: recipient }, ephemeral.privateKey, 256);
  const context = encoder.encode(`tipline-intake-v1|${intakeKey.kid}`);
  const hkdf = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const key = await subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: epk, info: context }, hkdf,
    { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const bytes = typeof plaintext === 'string' ? encoder.encode(plaintext) : plaintext;
  const ciphertext = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: context, tagLength: 128 },
    key, bytes));
  const envelope = { alg: ALGORITHM, kid: intakeKey.kid, epk: toBase64Url(epk), iv: toBase64Url(iv), ciphertext: toBase64Url(ciphertext) };
  const replyInfo = encoder.encode(`tipline-reply-v1|${intakeKey.kid}`);
  const replyKey = await subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: epk, info: replyInfo }, hkdf,
    { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
  const openReply = async reply => JSON.parse(new TextDecoder().decode(await subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64Url(reply.iv), additionalData: replyInfo }, replyKey, fromBase64Url(reply.ciphertext))));
  return { envelope, openReply, ciphertext };
}

export const IMAGE_MEDIA_TYPE = 'application/vnd.tipline.image-envelope';

/**
 * An image sealed to the intake key as bytes (no base64): the body is the ciphertext, the Tipline-Envelope header
 * carries the envelope's other fields.
 */
export async function sealImage(intakeKey, bytes) {
  const { envelope, ciphertext } = await sealForReply(intakeKey, bytes);
  return { body: ciphertext, header: `alg=${envelope.alg}, kid=${envelope.kid}, epk=${envelope.epk}, iv=${envelope.iv}` };
}

export function toBase64Url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
}
