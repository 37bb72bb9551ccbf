// Computes K of a case code off the page's thread (DESIGN 6): Argon2id from hash-wasm (npm, bundled and served by the
// service under /assets/vendor/; its WebAssembly needs the CSP's 'wasm-unsafe-eval', nothing else).
/* global hashwasm */
importScripts('/assets/vendor/argon2.umd.min.js');

self.onmessage = async ({ data }) => {
  try {
    const key = await hashwasm.argon2id({
      password: data.code, salt: data.salt, parallelism: data.parallelism, iterations: data.iterations,
      memorySize: data.memoryKib, hashLength: 32, outputType: 'binary',
    });
    self.postMessage({ key });
  } catch (failure) {
    self.postMessage({ error: String(failure) });
  }
};
