// The proof of work that a tip and a case-code session need (Tipline-Proof header): a challenge from the
// service, solved in a Web Worker so that the page stays responsive; where a browser has no module workers,
// on the page itself.
import { api } from './api.js';
import { solve } from './proof-worker.js';

function solveInWorker(token, difficulty) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./proof-worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      worker.terminate();
      resolve(data.nonce);
    };
    worker.onerror = failure => {
      worker.terminate();
      reject(failure);
    };
    worker.postMessage({ token, difficulty });
  });
}

/** The Tipline-Proof header for one request of this purpose ('tip' or 'followup'). */
export async function proofHeader(purpose) {
  const { token, difficulty } = await api(`/api/v1/challenge?purpose=${purpose}`);
  let nonce;
  try {
    nonce = await solveInWorker(token, difficulty);
  } catch (noWorker) {
    nonce = await solve(token, difficulty);
  }
  return { 'Tipline-Proof': `${token}:${nonce}` };
}
