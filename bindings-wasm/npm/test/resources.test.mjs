// What calls leave behind, and timers at the edges of setTimeout's range. Every request races
// the transport against a deadline timer; whichever loses must still let go of the closures the
// core awaits it with, or each call would keep some 900 bytes for good. These tests count the
// JavaScript values the WebAssembly module holds (liveHandles), the driver's bookkeeping and the
// module's memory: deterministic numbers, not timings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { lasku, internal } from "./helpers.mjs";

const native = internal("native.js");
const transport = internal("transport.js");

const status = { status: 200, headers: { "content-type": "application/json" }, body: '{"InvoiceNumber":1,"Status":"Sent"}' };

/** Lets late promise reactions and timers of zero delay run. */
const drain = () => new Promise((resolve) => setTimeout(resolve, 10));

/**
 * Nothing of the calls is left: no task bookkeeping, and no more JavaScript values held by the
 * module than before them (fewer is fine: the warm-up's last timers may let go only now; a leak
 * adds two per call).
 */
function assertNothingLeft(before, after, message = JSON.stringify({ before, after })) {
  assert.ok(after.liveHandles <= before.liveHandles, message);
  assert.deepEqual(
    { running: after.running, waiting: after.waiting, earlyWakes: after.earlyWakes, inflight: after.inflight, resources: after.resources },
    { running: 0, waiting: 0, earlyWakes: 0, inflight: 0, resources: 0 },
    message,
  );
}

function snapshot() {
  return { ...native.diagnostics(), memory: native.core.wasmMemory().buffer.byteLength };
}

test("20,000 calls leave no closures, wakes or memory behind", async () => {
  const client = new lasku.Client({ apiKey: "k", baseUrl: "http://127.0.0.1:9/v2", transport: async () => status });
  for (let i = 0; i < 100; i++) await client.retrieveInvoiceStatus(1);
  await drain();
  const before = snapshot();
  for (let i = 0; i < 20000; i++) await client.retrieveInvoiceStatus(1);
  await drain();
  const after = snapshot();
  // Leaking, each call kept two closures (liveHandles +40,000), one late wake (earlyWakes
  // +20,000) and ~110 bytes of WebAssembly memory (+2 MB).
  assertNothingLeft(before, after);
  assert.ok(after.memory - before.memory <= 256 * 1024, `WebAssembly memory grew by ${after.memory - before.memory} bytes`);
});

test("concurrent calls and failing calls leave nothing behind either", async () => {
  let n = 0;
  const client = new lasku.Client({
    apiKey: "k",
    baseUrl: "http://127.0.0.1:9/v2",
    maxRetries: 0,
    transport: async () => (++n % 3 === 0 ? { status: 404, body: '{"Message":"no"}' } : status),
  });
  await Promise.allSettled(Array.from({ length: 50 }, () => client.retrieveInvoiceStatus(1)));
  await drain();
  const before = native.diagnostics();
  for (let round = 0; round < 40; round++) {
    await Promise.allSettled(Array.from({ length: 50 }, () => client.retrieveInvoiceStatus(1)));
  }
  await drain();
  assertNothingLeft(before, native.diagnostics());
});

test("a transport that ignores the signal and never answers does not keep its call's closures", async () => {
  const client = new lasku.Client({
    apiKey: "k",
    baseUrl: "http://127.0.0.1:9/v2",
    timeoutMs: 2,
    maxRetries: 0,
    transport: () => new Promise(() => {}),
  });
  const first = await client.retrieveInvoiceStatus(1).catch((e) => e);
  assert.ok(first instanceof lasku.TransportError && first.kind === "timeout", `${first}`);
  await drain();
  const before = native.diagnostics();
  for (let i = 0; i < 200; i++) {
    const error = await client.retrieveInvoiceStatus(1).catch((e) => e);
    assert.ok(error instanceof lasku.TransportError, `${error}`);
  }
  await drain();
  assertNothingLeft(before, native.diagnostics(), "each timed-out request kept its closures");
});

test("a timeoutMs beyond setTimeout's range (2^31 ms and more) is no timeout, not an instant one", async () => {
  const warnings = [];
  const onWarning = (warning) => warnings.push(warning.name);
  process.on("warning", onWarning);
  try {
    for (const timeoutMs of [2 ** 31 - 1, 2 ** 31, 1e12, Number.MAX_SAFE_INTEGER]) {
      let seen;
      const client = new lasku.Client({
        apiKey: "k",
        baseUrl: "http://127.0.0.1:9/v2",
        timeoutMs,
        transport: async (request) => {
          seen = request;
          await new Promise((resolve) => setTimeout(resolve, 20));
          return status;
        },
      });
      const answer = await client.retrieveInvoiceStatus(1);
      assert.equal(answer.Status, "Sent", `timeoutMs ${timeoutMs}`);
      assert.equal(seen.signal.aborted, false, `timeoutMs ${timeoutMs}: the request was aborted`);
    }
    await drain();
  } finally {
    process.off("warning", onWarning);
  }
  assert.deepEqual(warnings, [], "no TimeoutOverflowWarning");
});

test("sleeps longer than setTimeout's range are chained, not cut to 1 ms", async () => {
  const [promise, cancel] = transport.sleep(2 ** 31 + 1000);
  let woke = false;
  promise.then(() => (woke = true));
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.equal(woke, false, "a 24.8-day sleep ended at once");
  cancel();
  await promise; // cancelling settles it, so nothing waits on it for good
});

test("timeoutMs 0 is refused up front, as the core refuses it, naming the option", () => {
  for (const timeoutMs of [0, -1, 1.5, NaN]) {
    assert.throws(
      () => new lasku.Client({ apiKey: "k", timeoutMs }),
      (error) => error instanceof lasku.ConfigurationError && /timeoutMs/.test(error.message) && /≥ 1/.test(error.message),
      `timeoutMs ${timeoutMs}`,
    );
  }
  assert.equal(new lasku.Client({ apiKey: "k", timeoutMs: 1 }).baseUrl, "https://api.cash-in.com/v2");
});
