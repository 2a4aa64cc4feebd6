// Ed25519 verification of many detached signatures on worker threads, for `vault check`'s audit
// walk (one signature per audit entry: about 100 µs each, more than half of the check). The
// walk stays synchronous: it submits jobs, keeps working on the rest of each entry (chain MAC,
// openings), and blocks only when it needs a verdict the workers have not returned yet.
// The workers call the same libsodium function as `verifyDetached` (sign.ts), with the same
// length checks, so a signature is accepted on a worker exactly when it is accepted inline
// (tests/unit/crypto/verify-pool.test.ts). Node's own Ed25519 (OpenSSL) was measured here at
// the same speed as libsodium's WASM (88.7 vs 90.0 µs per verification, 20,000 signatures,
// 30 Nov 2026), and OpenSSL's checks differ from libsodium's on small-order keys, so it is not
// used: one verifier, parallel, instead of two that must agree.
import { availableParallelism } from 'node:os';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import { verifyDetached } from './sign';
import { CryptoError } from './errors';

/** One detached signature to check: 64-byte signature, message, 32-byte public key. */
export interface VerifyJob {
  signature: Uint8Array;
  message: Uint8Array;
  publicKey: Uint8Array;
}

/** A verifier that may answer later: `submit` returns a ticket, `verdict(ticket)` the answer. */
export interface DeferredVerifier {
  /** Queues a job; returns its ticket (0, 1, 2, ... in submission order). */
  submit(job: VerifyJob): number;
  /** true when the signature is valid. Blocks until the job's batch is done. Tickets in order. */
  verdict(ticket: number): boolean;
  /** Stops the workers (idempotent). */
  close(): void;
  /** Workers in use (0: every job verified inline on the calling thread). */
  readonly workers: number;
  /**
   * How many jobs a caller should keep submitted ahead of the verdict it reads: two batches per
   * worker; 0 without workers, where waiting gains nothing and only keeps the waiting entries
   * alive long enough for V8 to promote them to the old generation (perf25).
   */
  readonly readAhead: number;
}

/** Same acceptance as verifyDetached: lengths first, then libsodium; any throw is a rejection. */
export function verifiesInline(job: VerifyJob): boolean {
  try {
    verifyDetached(job.signature, job.message, job.publicKey);
    return true;
  } catch (error) {
    if (error instanceof CryptoError) return false;
    throw error;
  }
}

// Plain CommonJS, run with `eval: true`, so it needs no TypeScript loader under tsx, jest or the
// packaged app. It loads the one libsodium build sodium.ts loads (path passed in workerData).
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, signal, sodiumPath } = workerData;
const done = new Int32Array(signal);
const reply = (message, transfer) => {
  port.postMessage(message, transfer);
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
};
let loaded;
try {
  const sodium = require(sodiumPath);
  loaded = sodium.ready.then(() => sodium);
} catch (error) {
  loaded = Promise.reject(error);
}
loaded.then(
  (sodium) =>
  port.on('message', ({ batch, count, packed }) => {
    const bytes = new Uint8Array(packed);
    const view = new DataView(packed);
    const ok = new Uint8Array(count);
    let at = 0;
    for (let i = 0; i < count; i++) {
      const signatureLength = view.getUint32(at);
      const keyLength = view.getUint32(at + 4);
      const messageLength = view.getUint32(at + 8);
      at += 12;
      const signature = bytes.subarray(at, (at += signatureLength));
      const publicKey = bytes.subarray(at, (at += keyLength));
      const message = bytes.subarray(at, (at += messageLength));
      try {
        ok[i] = signatureLength === 64 && keyLength === 32 &&
          sodium.crypto_sign_verify_detached(signature, message, publicKey) ? 1 : 0;
      } catch {
        ok[i] = 0;
      }
    }
    reply({ batch, ok }, [ok.buffer]);
  }),
  (error) => port.on('message', ({ batch }) => reply({ batch, error: String(error) }, [])),
);
`;

/**
 * A batch's jobs in one transferable buffer (moved to the worker, not copied): per job three
 * big-endian u32 lengths (signature, public key, message), then those bytes.
 */
function pack(jobs: VerifyJob[]): ArrayBuffer {
  let size = 0;
  for (const j of jobs) size += 12 + j.signature.length + j.publicKey.length + j.message.length;
  const packed = new ArrayBuffer(size);
  const bytes = new Uint8Array(packed);
  const view = new DataView(packed);
  let at = 0;
  for (const j of jobs) {
    view.setUint32(at, j.signature.length);
    view.setUint32(at + 4, j.publicKey.length);
    view.setUint32(at + 8, j.message.length);
    at += 12;
    for (const part of [j.signature, j.publicKey, j.message]) {
      bytes.set(part, at);
      at += part.length;
    }
  }
  return packed;
}

interface Lane {
  worker: Worker;
  port: MessagePort;
  done: Int32Array;
  seen: number;
}

interface Batch {
  id: number;
  /** Ticket of its first job. */
  first: number;
  jobs: VerifyJob[];
  sent: boolean;
  lane?: Lane;
  /** 1 per valid signature, once answered. */
  ok?: Uint8Array;
}

/** A worker's answer to one batch: a verdict per job, or why it could not verify. */
interface Reply {
  batch: number;
  ok?: Uint8Array;
  error?: string;
}

/** How long one batch may take before the pool gives up on its workers and verifies inline. */
const STALL_MS = 120_000;

/**
 * A pool of `workers` threads (default: the cores beyond this one, at most 2; 0 verifies
 * inline), fed in batches of `batchSize` jobs, round robin; verdicts come back in submission
 * order. A worker that cannot load libsodium answers every batch with the error and the batch
 * is verified inline; a worker that stalls (STALL_MS) is dropped and its batches verified inline, so the answer never depends on the pool. Memory: at most the batches in flight.
 */
export function createVerifyPool(
  options: {
    workers?: number;
    batchSize?: number;
    /** The libsodium build the workers load; default the one sodium.ts loads (tests change it). */
    sodiumPath?: string;
  } = {},
): DeferredVerifier {
  const wanted = options.workers ?? Math.min(2, Math.max(0, availableParallelism() - 1));
  const batchSize = options.batchSize ?? 512;
  const lanes: Lane[] = [];
  for (let i = 0; i < wanted; i++) {
    try {
      const { port1, port2 } = new MessageChannel();
      const signal = new SharedArrayBuffer(4);
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          port: port2,
          signal,
          sodiumPath: options.sodiumPath ?? require.resolve('libsodium-wrappers-sumo'),
        },
        transferList: [port2],
      });
      worker.unref();
      lanes.push({ worker, port: port1, done: new Int32Array(signal), seen: 0 });
    } catch {
      break; // no threads here: what started is used; none, inline
    }
  }
  let usable = lanes.length > 0;
  let submitted = 0;
  let nextBatch = 0;
  /** Batches not yet read to their end, oldest first; the last may still be filling. */
  const queue: Batch[] = [];
  const byId = new Map<number, Batch>();

  const verifyInline = (batch: Batch) => {
    batch.ok = Uint8Array.from(batch.jobs, (j) => (verifiesInline(j) ? 1 : 0));
  };

  const send = (batch: Batch) => {
    batch.sent = true;
    if (!usable) return verifyInline(batch);
    const lane = lanes[batch.id % lanes.length] as Lane;
    batch.lane = lane;
    byId.set(batch.id, batch);
    const packed = pack(batch.jobs);
    lane.port.postMessage({ batch: batch.id, count: batch.jobs.length, packed }, [packed]);
  };

  const collect = (lane: Lane) => {
    for (;;) {
      const received: { message: Reply } | undefined = receiveMessageOnPort(lane.port);
      if (!received) return;
      lane.seen++;
      const reply = received.message;
      const batch = byId.get(reply.batch) as Batch;
      byId.delete(batch.id);
      if (reply.ok) batch.ok = reply.ok;
      else verifyInline(batch); // the worker could not load libsodium
    }
  };

  const close = () => {
    for (const lane of lanes.splice(0)) {
      lane.port.close();
      void lane.worker.terminate();
    }
  };

  /** A worker stalled: every unanswered batch is verified here, and no more are sent out. */
  const abandonWorkers = () => {
    usable = false;
    for (const lane of lanes) collect(lane);
    for (const batch of byId.values()) verifyInline(batch);
    byId.clear();
    close();
  };

  return {
    get workers() {
      return lanes.length;
    },
    readAhead: lanes.length === 0 ? 0 : batchSize * lanes.length * 2,
    submit(job) {
      let last = queue[queue.length - 1];
      if (!last || last.sent) {
        last = { id: nextBatch++, first: submitted, jobs: [], sent: false };
        queue.push(last);
      }
      last.jobs.push(job);
      if (last.jobs.length === batchSize) send(last);
      return submitted++;
    },
    verdict(ticket) {
      let head = queue[0];
      while (head && ticket >= head.first + head.jobs.length) {
        queue.shift();
        head = queue[0];
      }
      if (!head || ticket < head.first) throw new RangeError(`no job ${ticket} (tickets in order)`);
      if (!head.sent) send(head);
      while (!head.ok) {
        const lane = head.lane as Lane;
        collect(lane);
        if (head.ok) break;
        if (Atomics.wait(lane.done, 0, lane.seen, STALL_MS) === 'timed-out') abandonWorkers();
      }
      return head.ok[ticket - head.first] === 1;
    },
    close,
  };
}
