"use strict";
// The WebAssembly core: loading, the task driver, and recovery from a trap.
//
// Rust panics abort on wasm32: the instance traps with a WebAssembly.RuntimeError. Every call
// into the core goes through sync() or run() below, so a trap always reaches the caller as an
// InternalError (with the panic message), the instance is replaced by a fresh one
// (`__wbg_reset_state`), and later calls work. Calls that were in flight at that moment are
// rejected with an InternalError too (a create among them may or may not have happened).
// Async operations are Rust futures that JavaScript polls (one export call per poll), so a
// trap can only happen inside a call made from here, never in a microtask nobody catches.

const core = require("../wasm/lasku_wasm.js");
const { fromCore, InternalError } = require("./errors.js");

let generation = 0;
let hostReady = false;
let lastPanic = null;
const running = new Set(); // ids of the tasks being driven
const waiters = new Map(); // task id -> function that schedules its next poll
const earlyWakes = new Set(); // ids of running tasks woken while being polled
const inflight = new Set(); // rejecters of the tasks running in this generation
const resources = new Set(); // cancel functions of the timers and requests the core started

function wake(id) {
  const schedule = waiters.get(id);
  if (schedule === undefined) {
    // A wake for a finished task is late news (e.g. a cancelled timer's promise settling after
    // the task ended): nothing to poll, and nothing to remember.
    if (running.has(id)) earlyWakes.add(id);
    return;
  }
  waiters.delete(id);
  schedule();
}

function onPanic(message) {
  lastPanic = String(message);
}

function ensureHost() {
  if (!hostReady) {
    core.setHost(wake, onPanic);
    hostReady = true;
  }
}

function isTrap(error) {
  return error instanceof WebAssembly.RuntimeError;
}

/** Resets the instance after a trap; returns the error to throw. */
function recover(trap) {
  const what = lastPanic ?? trap.message;
  lastPanic = null;
  generation += 1;
  hostReady = false;
  running.clear();
  waiters.clear();
  earlyWakes.clear();
  try {
    core.__wbg_reset_state();
  } catch {
    // The next call tries again.
  }
  const error = new InternalError(
    `lasku crashed inside WebAssembly (${what}); the instance was reset and lasku remains usable`,
    { cause: trap },
  );
  // The old instance's futures are gone without being dropped: stop their timers and requests.
  const started = [...resources];
  resources.clear();
  for (const cancel of started) {
    try {
      cancel();
    } catch {
      // Nothing to stop.
    }
  }
  const abandoned = [...inflight];
  inflight.clear();
  for (const reject of abandoned) {
    reject(
      new InternalError(
        `lasku crashed inside WebAssembly during another call (${what}); this call was abandoned and may or may not have reached the server`,
        { cause: trap },
      ),
    );
  }
  return error;
}

function convert(error) {
  return isTrap(error) ? recover(error) : fromCore(error);
}

/** Runs a synchronous call into the core, mapping its errors (and traps). */
function sync(fn) {
  try {
    ensureHost();
    return fn();
  } catch (error) {
    throw convert(error);
  }
}

/** Runs a Task (a Rust future) to completion: resolves to its value, rejects with a LaskuError. */
function run(makeTask) {
  return new Promise((resolve, reject) => {
    let task;
    try {
      ensureHost();
      task = makeTask();
    } catch (error) {
      reject(convert(error));
      return;
    }
    const gen = generation;
    const id = task.id;
    let settled = false;
    const finish = (fn, value) => {
      if (settled) return;
      settled = true;
      inflight.delete(abandon);
      if (gen === generation) {
        running.delete(id);
        waiters.delete(id);
        earlyWakes.delete(id);
        try {
          task.free();
        } catch {
          // Already freed.
        }
      }
      fn(value);
    };
    const abandon = (error) => finish(reject, error);
    inflight.add(abandon);
    running.add(id);
    const step = () => {
      if (settled || gen !== generation) return;
      let out;
      try {
        earlyWakes.delete(id);
        out = task.poll();
      } catch (error) {
        inflight.delete(abandon);
        finish(reject, convert(error));
        return;
      }
      if (out !== undefined) {
        finish(resolve, out);
      } else if (earlyWakes.delete(id)) {
        queueMicrotask(step);
      } else {
        waiters.set(id, () => queueMicrotask(step));
      }
    };
    step();
  });
}

/**
 * Hands a started timer or request to the core as `[promise, stop]`: the promise never settles
 * into a replaced instance, and `stop` also runs when the instance is replaced.
 *
 * The core awaits the promise through two closures that stay in the module's table until the
 * promise settles. So when the core stops waiting (`stop`: a cancelled timer, a request past
 * its deadline) the promise is settled right away, whatever `cancel` and the host's own promise
 * do later: a cleared timer never fires, and a user's transport may never answer.
 */
function handOver(promise, cancel) {
  const gen = generation;
  let done = false;
  let resolveGated;
  let rejectGated;
  const gated = new Promise((resolve, reject) => {
    resolveGated = resolve;
    rejectGated = reject;
  });
  const settle = (fn, value) => {
    if (done) return;
    done = true;
    resources.delete(stop);
    if (gen === generation) fn(value);
  };
  const stop = () => {
    if (done) return;
    try {
      cancel();
    } finally {
      // Nobody reads this answer: the core has dropped its side already.
      settle(resolveGated, undefined);
    }
  };
  resources.add(stop);
  promise.then(
    (value) => settle(resolveGated, value),
    (error) => settle(rejectGated, error),
  );
  return [gated, stop];
}

/** Counts for leak checks in tests: tasks running and waiting, wakes kept, resources held. */
function diagnostics() {
  return {
    running: running.size,
    waiting: waiters.size,
    earlyWakes: earlyWakes.size,
    inflight: inflight.size,
    resources: resources.size,
    liveHandles: core.liveHandles(),
  };
}

module.exports = {
  core,
  sync,
  run,
  handOver,
  diagnostics,
  generation: () => generation,
};
