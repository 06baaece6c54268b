"use strict";
// The batch worker thread (started by batch-worker.js): checks the lists of invoices the main
// thread writes for prepareInvoiceBatches, one message per job, on its own WebAssembly
// instance, and copies each list's JSON text (without its brackets) into the shared output
// buffer. Every job is answered with one message and then counted in `state[DONE]`, which the
// main thread waits on.

const { workerData } = require("node:worker_threads");

const READY = 0;
const DONE = 1;
const { port, control } = workerData;
const state = new Int32Array(control);
let core;
try {
  core = require("../wasm/lasku_wasm.js");
} catch (error) {
  Atomics.store(state, READY, -1); // the main thread stays on its own
  Atomics.notify(state, READY);
  throw error;
}
const encoder = new TextEncoder();
let out = new Uint8Array(0);
let used = 0;

/** Copies the text at `[at, at + length)` of WebAssembly memory, less its brackets, into the output. */
function copyOut(at, length) {
  const inner = length - 2;
  if (used + inner > out.length) return { ok: false, need: used + inner };
  out.set(new Uint8Array(core.wasmMemory().buffer, at + 1, inner), used);
  const offset = used;
  used += inner;
  return { ok: true, offset, length: inner };
}

/** Copies `bytes` into the input buffer; returns their length. */
function writeBytes(bytes) {
  const at = core.inputBuffer(bytes.length);
  new Uint8Array(core.wasmMemory().buffer, at, bytes.length).set(bytes);
  return bytes.length;
}

/** Writes `text` as UTF-8 into the input buffer; returns its length in bytes. */
function writeInput(text) {
  let capacity = text.length + (text.length >> 3) + 16;
  let at = core.inputBuffer(capacity);
  let { read, written } = encoder.encodeInto(text, new Uint8Array(core.wasmMemory().buffer, at, capacity));
  if (read < text.length) {
    capacity = written + (text.length - read) * 3;
    at = core.inputBuffer(capacity);
    const rest = encoder.encodeInto(text.slice(read), new Uint8Array(core.wasmMemory().buffer, at + written, capacity - written));
    written += rest.written;
  }
  return written;
}

function handle(job) {
  switch (job.kind) {
    case "begin":
      if (job.out) out = new Uint8Array(job.out);
      used = 0;
      core.listsBegin();
      return { ok: true };
    case "v8": {
      const answer = core.listsAddStructured(writeBytes(job.bytes));
      if (answer === undefined) return { ok: false };
      const { at: text, length, nested, deeper } = JSON.parse(answer);
      return { ...copyOut(text, length), nested, deeper };
    }
    case "text": {
      // The main thread wrote these from v8.serialize bytes (see listText): no NaN in them.
      const answer = core.listsAddJson(writeBytes(job.bytes), false);
      if (answer === undefined) return { ok: false };
      const { at: text, length } = JSON.parse(answer);
      return copyOut(text, length);
    }
    case "json": {
      const answer = core.listsAddJson(writeInput(job.text), true);
      if (answer === undefined) return { ok: false };
      const { at: text, length, null: hasNull } = JSON.parse(answer);
      return { ...copyOut(text, length), null: hasNull };
    }
    default:
      return { ok: false };
  }
}

port.on("message", (job) => {
  let answer;
  try {
    answer = handle(job);
  } catch (error) {
    // A trap (a Rust panic): a fresh instance for the next batch; this one is refused.
    try {
      core.__wbg_reset_state();
    } catch {
      // The next call tries again.
    }
    answer = { ok: false, error: String(error?.message ?? error) };
  }
  port.postMessage(answer);
  Atomics.add(state, DONE, 1);
  Atomics.notify(state, DONE);
});

Atomics.store(state, READY, 1);
Atomics.notify(state, READY);
