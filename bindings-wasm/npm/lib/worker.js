"use strict";
// The batch worker thread (started by batch-worker.js): checks the lists of invoices the main
// thread writes for prepareInvoiceBatches, one message per job, on its own WebAssembly
// instance, and copies each list's JSON text (without its brackets) into the shared output
// buffer, growing it when a body needs more. Every job is answered with one message and then
// counted in `state[DONE]`, which the main thread waits on.

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
let out = new Uint8Array(0);
let used = 0;

/**
 * Copies the text at `[at, at + length)` of WebAssembly memory, less its brackets, into the
 * output; a bigger output buffer (holding what was written before) goes back in the answer.
 */
function copyOut(at, length) {
  const inner = length - 2;
  let grown;
  if (used + inner > out.length) {
    grown = new SharedArrayBuffer(Math.max(2 * out.length, used + inner));
    new Uint8Array(grown).set(out.subarray(0, used));
    out = new Uint8Array(grown);
  }
  out.set(new Uint8Array(core.wasmMemory().buffer, at + 1, inner), used);
  const offset = used;
  used += inner;
  return { ok: true, offset, length: inner, out: grown };
}

/** Copies `bytes` into the input buffer; returns their length. */
function writeBytes(bytes) {
  const at = core.inputBuffer(bytes.length);
  new Uint8Array(core.wasmMemory().buffer, at, bytes.length).set(bytes);
  return bytes.length;
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
      const { at, length, nested, deeper } = JSON.parse(answer);
      return { ...copyOut(at, length), nested, deeper };
    }
    case "text": {
      // The main thread wrote this text from v8.serialize bytes itself (see listText).
      const answer = core.listsAddText(writeBytes(job.bytes));
      if (answer === undefined) return { ok: false };
      const { at, length } = JSON.parse(answer);
      return copyOut(at, length);
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
    if (error instanceof WebAssembly.RuntimeError) {
      // A trap (a Rust panic): a fresh instance for the next body; this one is refused.
      try {
        core.__wbg_reset_state();
      } catch {
        // The next call tries again.
      }
    }
    answer = { ok: false, error: String(error?.message ?? error) };
  }
  port.postMessage(answer);
  Atomics.add(state, DONE, 1);
  Atomics.notify(state, DONE);
});

Atomics.store(state, READY, 1);
Atomics.notify(state, READY);
