"use strict";
// prepareInvoiceBatches on two threads (Node only): the main thread writes each body's invoices
// as a few lists of v8.serialize bytes (see structured.js) and a worker thread (worker.js, with
// its own WebAssembly instance) checks each list while the next is being written, through the
// core's `InvoiceLists`: the same quick path, the same rules across the body's invoices. When
// the worker trails, the main thread writes some lists' JSON text itself, so that both finish
// at about the same time. When the worker vouches for every list, the body is put together from
// the lists' texts, byte for byte what one thread makes; anything else (a refusal, an error, a
// worker that does not answer) leaves the body to the one-thread path, which decides and
// reports. Only arrays v8.serialize can read for JSON.stringify take this path: an array-level
// `toJSON` sees the whole body, and an element's sees its index in it, only on one thread.
// The worker starts with the first body big enough and is ready some 40 ms later; it never
// keeps the process alive.

const fs = require("node:fs");
const path = require("node:path");
const { core, sync } = require("./native.js");
const { plainObjects, v8 } = require("./structured.js");

const SCRIPT = path.join(__dirname, "worker.js");
const threads = loadThreads();
const READY = 0; // 0 starting, 1 ready, -1 gone
const DONE = 1;
/** Invoices per list: small enough that the worker trails the writer by little. */
const LIST = 125;
/** Invoices in a body's first list: the worker starts on it sooner. */
const FIRST_LIST = 40;
/** How many lists the worker may have waiting before this thread writes the next one itself. */
const TRAILING = 2;
/** The fewest invoices in a body worth the worker. */
const MIN_BODY = 2 * LIST;
/** How long the main thread waits for one answer (blocked) before it gives up on the worker. */
const PATIENCE_MS = 10000;
/** How long `{ worker: true }` waits for the worker to start. */
const START_MS = 5000;

/** Node's worker_threads, when this runs on Node (and the worker's script is there). */
function loadThreads() {
  if (typeof process !== "object" || !process.versions?.node || process.versions.bun) return null;
  try {
    return fs.existsSync(SCRIPT) ? require("node:worker_threads") : null;
  } catch {
    return null;
  }
}

let worker = null; // { thread, port, state, out, posted, perInvoice }
let broken = false; // after a fault: batches stay on this thread until startBatchWorker()
let busy = false; // a body in flight (a toJSON or getter may call prepareInvoiceBatches again)
/** What the worker did, for the tests: bodies it made, bodies it did not, lists this thread wrote. */
const stats = { bodies: 0, refused: 0, texts: 0 };

/** Starts the worker unless it runs (or cannot run here); returns whether it exists. */
function start() {
  if (worker !== null) return true;
  if (threads === null || broken) return false;
  try {
    const { port1, port2 } = new threads.MessageChannel();
    const control = new SharedArrayBuffer(8);
    const thread = new threads.Worker(SCRIPT, { workerData: { port: port2, control }, transferList: [port2] });
    thread.unref();
    port1.unref();
    const self = { thread, port: port1, state: new Int32Array(control), out: null, posted: 0, perInvoice: 0, holds: 0 };
    thread.on("error", () => stop(self, true));
    thread.on("exit", () => stop(self, false));
    worker = self;
    return true;
  } catch {
    broken = true;
    return false;
  }
}

/** Ends `which` (and wakes whoever waits for it to start); after a `fault`, batches stay here. */
function stop(which, fault) {
  if (fault) broken = true;
  if (worker === which) worker = null;
  if (Atomics.load(which.state, READY) === 0) {
    Atomics.store(which.state, READY, -1);
    Atomics.notify(which.state, READY);
  }
  which.thread.terminate().catch(() => {});
}

/**
 * Runs `wait` (a promise) with the worker's thread keeping the process alive meanwhile (an
 * Atomics.waitAsync or a terminate alone would not), then lets go of it again.
 */
async function holding(self, wait) {
  if (self.holds++ === 0) self.thread.ref();
  try {
    return await wait;
  } finally {
    if (--self.holds === 0) self.thread.unref();
  }
}

/** Whether the worker has loaded its WebAssembly instance; with `wait`, waits for that (sync). */
function ready(wait) {
  const self = worker;
  if (self === null) return false;
  if (wait && Atomics.load(self.state, READY) === 0) Atomics.wait(self.state, READY, 0, START_MS);
  const state = Atomics.load(self.state, READY);
  if (state === 1) return true;
  if (wait || state < 0) stop(self, true); // it could not load, or did not in time
  return false;
}

/**
 * Whether a body of `size` invoices should be checked on the worker (starting it for a big
 * one); `mode` is the caller's `worker` option (`true` waits for the worker to be ready).
 */
function usable(size, mode) {
  if (mode === false || threads === null || busy || size < MIN_BODY) return false;
  try {
    return start() && ready(mode === true);
  } catch {
    // Atomics.wait is not allowed on every main thread (a browser-like one in Electron, say).
    if (worker !== null) stop(worker, true);
    broken = true;
    return false;
  }
}

/**
 * The JSON text of the array `v8bytes` holds (v8.serialize's bytes), written by this thread's
 * core: `{ bytes, nested, deeper }` (see structured.js), or null when it is not plain data.
 */
function listText(v8bytes) {
  const answer = sync(() => {
    const at = core.inputBuffer(v8bytes.length);
    new Uint8Array(core.wasmMemory().buffer, at, v8bytes.length).set(v8bytes);
    return core.listText(v8bytes.length);
  });
  if (answer === undefined) return null;
  const { at: text, length, nested, deeper } = JSON.parse(answer);
  return { bytes: new Uint8Array(core.wasmMemory().buffer, text, length).slice(), nested, deeper };
}

/** Posts a job and counts it. */
function post(self, job, transfer) {
  try {
    self.port.postMessage(job, transfer);
  } catch {
    self.port.postMessage(job); // a buffer that cannot be transferred is copied
  }
  self.posted += 1;
}

/** The worker's answer to job `n` (counted from its start), waiting for it; null if it does not come. */
function answer(self, n) {
  for (;;) {
    if (worker !== self) return null; // given up on
    const done = Atomics.load(self.state, DONE);
    // The worker queues its answer before it counts it.
    if (done > n) return threads.receiveMessageOnPort(self.port)?.message ?? null;
    if (Atomics.wait(self.state, DONE, done, PATIENCE_MS) === "timed-out") {
      stop(self, true);
      return null;
    }
  }
}

/**
 * Checks `invoices[start..end]` on the worker; when it vouches for all of them, writes the body
 * `head[...]tail` into `bodies` (see Bodies in tools.js) and returns "made". Otherwise nothing
 * is written and the caller prepares the body on this thread: "refused" when the values are
 * what the worker refused (an error, or a value v8.serialize cannot stand in for), so only
 * JSON.stringify's way can decide; "skipped" when the worker could not take the body at all.
 * Only for arrays that v8.serialize can read (`structuredReadable`).
 */
function prepareBody(invoices, start, end, options) {
  const self = worker;
  if (self === null || busy) return "skipped";
  busy = true;
  try {
    return prepareOn(self, invoices, start, end, options);
  } catch {
    stop(self, true); // whatever went wrong, this thread carries on alone
    return "skipped";
  } finally {
    busy = false;
  }
}

function prepareOn(self, invoices, start, end, { head, tail, bodies }) {
  // The shared output buffer, sized from the bodies so far (the worker grows it when a body
  // needs more, and it is not kept much bigger than needed after a big batch).
  const expect = Math.ceil((self.perInvoice || 6000) * (end - start) * 1.25);
  let out;
  if (self.out === null || self.out.byteLength < expect || self.out.byteLength > 4 * expect) {
    out = new SharedArrayBuffer(expect);
    self.out = out;
  }
  const first = self.posted;
  post(self, { kind: "begin", out });
  const lists = [];
  let ok = true;
  for (let s = start, e; s < end && ok; s = e) {
    e = Math.min(s + (s === start ? FIRST_LIST : LIST), end);
    const slice = invoices.slice(s, e);
    try {
      if (self.posted - Atomics.load(self.state, DONE) > TRAILING) {
        // The worker trails: this thread writes the list's text itself (and checks its objects).
        const text = listText(v8.serialize(slice));
        ok = text !== null && !text.deeper && plainObjects(invoices, s, e, text.nested);
        if (!ok) break;
        post(self, { kind: "text", bytes: text.bytes }, [text.bytes.buffer]);
        stats.texts += 1;
      } else {
        const bytes = v8.serialize(slice);
        const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
        post(self, { kind: "v8", bytes }, whole ? [bytes.buffer] : []);
      }
      lists.push([s, e]);
    } catch {
      ok = false; // not data v8.serialize can write (a function, a proxy...): JSON.stringify's way
    }
  }
  // The answers, taken as they come: each list checked here and its text copied into the free
  // room of the bodies' buffer (when there is enough) while the worker reads the next ones.
  let view = new Uint8Array(self.out);
  const room = self.perInvoice ? bodies.room(Math.ceil(self.perInvoice * (end - start) * 1.05)) : null;
  let at = room === null ? Infinity : writeAscii(room, 0, head);
  if (room !== null) room[at++] = 0x5b; // [
  const texts = [];
  let skipped = answer(self, first)?.ok !== true; // the worker's own trouble, not the values'
  ok = ok && !skipped;
  for (let k = 0; k < self.posted - first - 1; k++) {
    const got = answer(self, first + k + 1);
    if (got?.out) {
      self.out = got.out; // grown by the worker (what it wrote before is in it too)
      view = new Uint8Array(self.out);
    }
    if (!ok) continue; // the rest only drained
    const [s, e] = lists[k];
    if (got?.ok !== true) {
      skipped = got === null || got.error !== undefined;
      ok = false;
    } else if (got.nested) {
      ok = !got.deeper && plainObjects(invoices, s, e, got.nested);
    }
    if (!ok) continue;
    const text = view.subarray(got.offset, got.offset + got.length);
    texts.push(text);
    if (at + text.length + 2 + tail.length <= room?.length) {
      if (k > 0) room[at++] = 0x2c; // ,
      room.set(text, at);
      at += text.length;
    } else {
      at = Infinity; // no room: put together below
    }
  }
  if (!ok || texts.length !== lists.length) {
    stats.refused += 1;
    return skipped ? "skipped" : "refused";
  }
  let body;
  if (at !== Infinity) {
    room[at++] = 0x5d; // ]
    body = bodies.commit(writeAscii(room, at, tail));
  } else {
    const length = head.length + tail.length + 1 + texts.reduce((sum, t) => sum + t.length + 1, 0);
    body = bodies.alloc(length);
    at = writeAscii(body, 0, head);
    body[at++] = 0x5b; // [
    texts.forEach((text, k) => {
      if (k > 0) body[at++] = 0x2c; // ,
      body.set(text, at);
      at += text.length;
    });
    body[at++] = 0x5d; // ]
    writeAscii(body, at, tail);
  }
  // The size per invoice, following bigger bodies at once and smaller ones slowly.
  self.perInvoice = Math.max(body.length / (end - start), self.perInvoice * 0.9);
  stats.bodies += 1;
  return "made";
}

/** Writes ASCII `text` into `bytes` at `at`; returns where it ends. */
function writeAscii(bytes, at, text) {
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  return at + text.length;
}

/**
 * Starts the batch worker now (instead of with the first big body), also after an earlier
 * fault, and resolves to whether it is ready: false where worker threads are not available or
 * it could not start.
 */
async function startBatchWorker() {
  broken = false;
  if (!start()) return false;
  const self = worker;
  if (Atomics.load(self.state, READY) === 0) {
    // A worker that fails or is stopped meanwhile wakes this too (see stop).
    const { async, value } = Atomics.waitAsync(self.state, READY, 0, START_MS);
    if (async) await holding(self, value);
  }
  return worker === self && ready(false);
}

/** Stops the batch worker (a later big body starts it again). */
async function stopBatchWorker() {
  const self = worker;
  if (self === null) return;
  stop(self, false);
  await holding(self, self.thread.terminate());
}

module.exports = { usable, prepareBody, startBatchWorker, stopBatchWorker, stats };
