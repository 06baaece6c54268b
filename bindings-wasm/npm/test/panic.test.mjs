// A Rust panic (an abort on wasm32) reaches JavaScript as an InternalError, the WebAssembly
// instance is replaced, and lasku keeps working: existing clients too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { createRequire } from "node:module";
import { lasku, PKG_DIR, startSandbox, sandboxClient, invoice } from "./helpers.mjs";

// The package's own module instance (same file, so the same instance the public API uses).
const require = createRequire(path.join(PKG_DIR, "package.json"));
const native = require(path.join(path.dirname(require.resolve("lasku")), "lib", "native.js"));

let sandbox;

before(async () => {
  sandbox = await startSandbox();
});

after(() => sandbox?.stop());

function panic() {
  return native.sync(() => native.core.__laskuPanicForTests());
}

test("a panic is an InternalError with the panic's message; everything works afterwards", async () => {
  const client = sandboxClient(sandbox);
  assert.equal((await client.validateToken()).IsValid, true);
  const before = native.generation();
  assert.throws(panic, (e) => {
    assert.ok(e instanceof lasku.InternalError && e instanceof lasku.LaskuError, `${e}`);
    assert.equal(e.code, "internal");
    assert.match(e.message, /deliberate panic for the recovery tests/);
    assert.match(e.message, /remains usable/);
    return true;
  });
  assert.equal(native.generation(), before + 1);
  assert.equal((await client.validateToken()).IsValid, true, "the same client works");
  assert.equal(lasku.validateInvoice(invoice(1)).valid, true, "the standalone helpers work");
  assert.equal(lasku.finnishReference("1234561").reference, "12345614");
  const fresh = sandboxClient(sandbox);
  await fresh.createInvoice(invoice(9001));
  assert.equal((await client.retrieveInvoiceStatus(9001)).InvoiceNumber, 9001);
});

test("calls in flight during a panic are rejected, not left hanging", async () => {
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  const slow = new lasku.Client({
    apiKey: "k",
    transport: async () => {
      await gate;
      return { status: 200, headers: {}, body: '{"IsValid": true}' };
    },
  });
  const pending = slow.validateToken();
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.throws(panic, lasku.InternalError);
  release();
  await assert.rejects(pending, (e) => e instanceof lasku.InternalError && /abandoned/.test(e.message));
  assert.equal((await slow.validateToken()).IsValid, true, "the client works afterwards");
});

test("an iteration interrupted by a panic fails cleanly, and a new one works", async () => {
  const client = sandboxClient(sandbox);
  for (let n = 1; n <= 5; n++) await client.createInvoice(invoice(9100 + n)).catch(() => {});
  const iterator = client.listSalesInvoices({ pageSize: 2 })[Symbol.asyncIterator]();
  assert.ok((await iterator.next()).value);
  assert.throws(panic, lasku.InternalError);
  await assert.rejects(iterator.next(), lasku.InternalError);
  let count = 0;
  for await (const _ of client.listSalesInvoices({ pageSize: 2 })) count += 1;
  assert.ok(count >= 5);
});

test("a batch report from before a panic cannot be resubmitted, and says why", async () => {
  const client = sandboxClient(sandbox);
  const report = await client.submitInvoices([invoice(9200)], { pollIntervalMs: 20 });
  assert.equal(report.accepted, 1);
  assert.throws(panic, lasku.InternalError);
  await assert.rejects(client.resubmitInvoices([invoice(9200)], report), (e) => e instanceof lasku.InternalError && /reset/.test(e.message));
});
