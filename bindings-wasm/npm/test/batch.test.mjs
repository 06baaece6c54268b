// Chunked submission of many invoices (the core's submit_invoices), with per-item outcomes
// and resubmission after an unknown outcome.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { lasku, startSandbox, sandboxClient, invoice, builtInvoice } from "./helpers.mjs";

let sandbox;
let client;

before(async () => {
  sandbox = await startSandbox();
  client = sandboxClient(sandbox);
});

after(() => sandbox?.stop());

/** `count` invoices as the builder gives them (decimals as exact strings). */
function many(from, count) {
  const base = builtInvoice(from);
  return Array.from({ length: count }, (_, i) => ({ ...base, InvoiceNumber: from + i, Reference: undefined }));
}

test("2,500 invoices go in batches of 1,000; invalid ones are reported, not sent", async () => {
  const invoices = many(100_000, 2500);
  invoices[10] = { ...invoices[10], TotalAmount: 1 };
  invoices[2400] = { ...invoices[2400], SalesName: undefined };
  await sandbox.clearHits();
  const report = await client.submitInvoices(invoices, { maxPerRequest: 1000, pollIntervalMs: 50 });
  assert.equal(report.outcomes.length, 2500);
  assert.equal(report.invalid, 2);
  assert.equal(report.accepted, 2498);
  assert.equal(report.rejected, 0);
  assert.equal(report.settled, true);
  assert.equal(report.batchIds.length, 3);
  assert.deepEqual(report.toResend, []);
  assert.equal(report.outcomes[10].status, "invalid");
  assert.ok(report.outcomes[10].violations.some((v) => v.path === "/TotalAmount"));
  assert.equal(report.outcomes[2400].violations[0].path, "/SalesName");
  assert.equal(report.outcomes[0].status, "accepted");
  assert.equal(report.outcomes[0].batchId, report.batchIds[0]);
  const hits = await sandbox.hits();
  assert.equal(hits.filter((h) => h.Operation === "submit_sales_invoice_batch").length, 3);
  assert.ok(hits.every((h) => h.UserAgent === client.userAgent));

  const again = await client.submitInvoices(invoices.slice(0, 5), { pollIntervalMs: 50 });
  assert.equal(again.rejected, 5, "numbers that exist are rejected by the server");
  assert.equal(again.outcomes[0].status, "rejected");
  assert.ok(again.outcomes[0].message);
});

test("a member of the wrong type anywhere rejects the whole call; nothing is sent", async () => {
  const invoices = many(200_000, 1500);
  invoices[1234] = { ...invoices[1234], NetAmount: NaN };
  await sandbox.clearHits();
  const error = await client.submitInvoices(invoices).catch((e) => e);
  assert.ok(error instanceof lasku.ValidationError, `${error}`);
  assert.deepEqual(error.violations.map((v) => v.path), ["/1234/NetAmount"]);
  invoices[1234] = { ...invoices[1234], NetAmount: "lots" };
  const typed = await client.submitInvoices(invoices).catch((e) => e);
  assert.ok(typed instanceof lasku.ValidationError, `${typed}`);
  assert.deepEqual(typed.violations.map((v) => v.path), ["/1234/NetAmount"]);
  assert.deepEqual(await sandbox.hits(), []);
  await assert.rejects(client.submitInvoices("nope"), lasku.ValidationError);
  await assert.rejects(client.submitInvoices([], { chunk: 1 }), lasku.ConfigurationError);
});

test("an unknown outcome is settled by resubmitInvoices, which looks the invoices up first", async () => {
  const invoices = many(300_000, 30);
  await sandbox.fault("submit_sales_invoice_batch", "drop=after");
  const first = await client.submitInvoices(invoices, { maxPerRequest: 10, pollIntervalMs: 50 });
  const unknown = first.outcomes.filter((o) => o.status === "unknown");
  assert.equal(unknown.length, 10, JSON.stringify(first.outcomes.map((o) => o.status)));
  assert.equal(first.accepted, 20);
  assert.equal(first.settled, false);
  assert.deepEqual(first.toResend, [...Array(10).keys()]);

  await sandbox.clearHits();
  const second = await client.resubmitInvoices(invoices, first, { maxPerRequest: 10, pollIntervalMs: 50 });
  assert.equal(second.accepted, 30);
  assert.equal(second.settled, true);
  const hits = await sandbox.hits();
  assert.equal(hits.filter((h) => h.Operation === "submit_sales_invoice_batch").length, 0, "found by lookup, not re-sent");
  await assert.rejects(client.resubmitInvoices(invoices, {}), lasku.ConfigurationError);
});

test("resubmitInvoices refuses another list and sends nothing; fixed invalid invoices are sent", async () => {
  const invoices = many(500_000, 4);
  invoices[1] = { ...invoices[1], TotalAmount: 1 };
  await sandbox.fault("submit_sales_invoice_batch", "drop=after");
  const first = await client.submitInvoices(invoices, { maxPerRequest: 2, pollIntervalMs: 20 });
  assert.deepEqual(first.outcomes.map((o) => o.status), ["unknown", "invalid", "unknown", "accepted"]);

  await sandbox.clearHits();
  const opts = { maxPerRequest: 2, pollIntervalMs: 20 };
  await assert.rejects(client.resubmitInvoices(invoices.slice(0, 3), first, opts), (e) => e instanceof lasku.ConfigurationError && /has 4 items, the list 3/.test(e.message));
  const swapped = [invoices[2], invoices[1], invoices[0], invoices[3]];
  await assert.rejects(client.resubmitInvoices(swapped, first, opts), (e) => e instanceof lasku.ConfigurationError && /item 0/.test(e.message));
  assert.deepEqual(await sandbox.hits(), [], "nothing was sent");

  invoices[1] = many(500_001, 1)[0];
  const second = await client.resubmitInvoices(invoices, first, opts);
  assert.deepEqual(second.outcomes.map((o) => o.status), ["accepted", "accepted", "accepted", "accepted"]);
  assert.equal(second.settled, true);
});

test("following stops at an error that stays, and the report says which batch and why", async () => {
  await sandbox.fault("list_batch_uploads", "status=401", 5);
  const started = Date.now();
  const report = await client.submitInvoices(many(600_000, 2), { pollIntervalMs: 20, maxWaitMs: 30_000 });
  assert.ok(Date.now() - started < 10_000, "not after maxWaitMs");
  assert.deepEqual(report.outcomes.map((o) => o.status), ["submitted", "submitted"]);
  assert.equal(report.followErrors.length, 1);
  assert.equal(report.followErrors[0].batchId, report.batchIds[0]);
  assert.ok(report.followErrors[0].error instanceof lasku.AuthenticationError, String(report.followErrors[0].error));
  await sandbox.clearFaults();
});

test("without waiting, the report says submitted", async () => {
  const report = await client.submitInvoices(many(400_000, 3), { wait: false });
  assert.deepEqual(report.outcomes.map((o) => o.status), ["submitted", "submitted", "submitted"]);
  assert.equal(report.settled, false);
});
