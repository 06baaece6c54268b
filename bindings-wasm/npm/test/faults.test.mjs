// Faults from the sandbox: 429 with Retry-After, 503, dropped connections, broken bodies and
// timeouts. The retry policy is the core's; these tests check that it works through the JS
// transport and timers, and that the client keeps working after every failure.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { lasku, startSandbox, sandboxClient, invoice } from "./helpers.mjs";

let sandbox;
let client;

before(async () => {
  sandbox = await startSandbox();
  client = sandboxClient(sandbox);
  await client.createInvoice(invoice(7000));
});

after(() => sandbox?.stop());

async function statuses(operation) {
  return (await sandbox.hits()).filter((h) => h.Operation === operation).map((h) => h.Status);
}

test("429 with Retry-After is retried after the wait the server asked for", async () => {
  await sandbox.clearHits();
  await sandbox.fault("retrieve_invoice_status", "status=429;retry-after=1");
  const started = Date.now();
  const status = await client.retrieveInvoiceStatus(7000);
  assert.equal(status.InvoiceNumber, 7000);
  assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
  assert.deepEqual(await statuses("retrieve_invoice_status"), [429, 200]);
});

test("429 beyond the retries is a RateLimitError with retryAfterMs", async () => {
  const impatient = sandboxClient(sandbox, { maxRetries: 0 });
  await sandbox.fault("retrieve_invoice_status", "status=429;retry-after=7");
  const error = await impatient.retrieveInvoiceStatus(7000).catch((e) => e);
  assert.ok(error instanceof lasku.RateLimitError && error instanceof lasku.ApiError, `${error}`);
  assert.equal(error.status, 429);
  assert.equal(error.retryAfterMs, 7000);
  assert.equal(error.code, "rate_limited");
  assert.equal((await impatient.retrieveInvoiceStatus(7000)).InvoiceNumber, 7000, "works afterwards");
});

test("503 is retried; past the retries it is an ApiError with the status and body", async () => {
  await sandbox.clearHits();
  await sandbox.fault("list_sales_invoices", "status=503", 2);
  const page = await client.listSalesInvoices();
  assert.ok(page.Data.length >= 1);
  assert.deepEqual(await statuses("list_sales_invoices"), [503, 503, 200]);

  const once = sandboxClient(sandbox, { maxRetries: 1 });
  await sandbox.fault("list_sales_invoices", "status=503", 2);
  const error = await once.listSalesInvoices().catch((e) => e);
  assert.ok(error instanceof lasku.ApiError && !(error instanceof lasku.RateLimitError), `${error}`);
  assert.equal(error.status, 503);
  assert.equal(typeof error.body, "string");
  assert.ok((await once.listSalesInvoices()).Data.length >= 1, "works afterwards");
});

test("a create whose connection dropped after processing is an UnknownOutcomeError, never re-sent", async () => {
  await sandbox.clearHits();
  await sandbox.fault("create_invoice", "drop=after");
  const error = await client.createInvoice(invoice(7001)).catch((e) => e);
  assert.ok(error instanceof lasku.UnknownOutcomeError, `${error}`);
  assert.deepEqual(error.invoiceNumbers, ["7001"]);
  assert.equal(error.operation, "create_invoice");
  assert.ok(error.reason);
  assert.equal((await statuses("create_invoice")).length, 1, "not re-sent");
  const status = await client.retrieveInvoiceStatus(7001);
  assert.equal(status.InvoiceNumber, 7001, "the sandbox did create it; a lookup settles the outcome");
});

test("a create whose success answer cannot be read is an UnknownOutcomeError, not a DecodeError", async () => {
  await sandbox.fault("create_invoice", "body=truncated");
  const error = await client.createInvoice(invoice(7002)).catch((e) => e);
  assert.ok(error instanceof lasku.UnknownOutcomeError, `${error}`);
  assert.deepEqual(error.invoiceNumbers, ["7002"]);
  assert.equal((await client.retrieveInvoiceStatus(7002)).InvoiceNumber, 7002, "it did happen");
});

test("a read whose connection dropped is retried", async () => {
  await sandbox.clearHits();
  await sandbox.fault("retrieve_invoice_status", "drop=after");
  await sandbox.fault("retrieve_invoice_status", "drop=before");
  const status = await client.retrieveInvoiceStatus(7000);
  assert.equal(status.InvoiceNumber, 7000);
  assert.equal((await statuses("retrieve_invoice_status")).at(-1), 200);
});

test("a dropped connection on every attempt is a TransportError that may have been sent", async () => {
  const once = sandboxClient(sandbox, { maxRetries: 1 });
  await sandbox.fault("retrieve_invoice_status", "drop=after", 2);
  const error = await once.retrieveInvoiceStatus(7000).catch((e) => e);
  assert.ok(error instanceof lasku.TransportError, `${error}`);
  assert.equal(error.mayHaveBeenSent, true);
  assert.ok(["io", "other"].includes(error.kind), error.kind);
  assert.equal((await once.retrieveInvoiceStatus(7000)).InvoiceNumber, 7000, "works afterwards");
});

test("a body that is not JSON is a DecodeError", async () => {
  const noRetry = sandboxClient(sandbox, { maxRetries: 0 });
  await sandbox.fault("retrieve_invoice_status", "body=nonjson");
  const error = await noRetry.retrieveInvoiceStatus(7000).catch((e) => e);
  assert.ok(error instanceof lasku.LaskuError, `${error}`);
  assert.ok(error instanceof lasku.DecodeError, `${error.name}: ${error}`);
  assert.equal(error.status, 200);
  assert.match(error.body, /</);
  await sandbox.fault("retrieve_invoice_status", "body=truncated");
  const truncated = await noRetry.retrieveInvoiceStatus(7000).catch((e) => e);
  assert.ok(truncated instanceof lasku.DecodeError || truncated instanceof lasku.TransportError, `${truncated}`);
  assert.equal((await noRetry.retrieveInvoiceStatus(7000)).InvoiceNumber, 7000, "works afterwards");
});

test("a slow answer past the client's deadline is a TransportError of kind timeout", async () => {
  const hasty = sandboxClient(sandbox, { timeoutMs: 300, maxRetries: 0 });
  await sandbox.fault("retrieve_invoice_status", "delay=1500");
  const started = Date.now();
  const error = await hasty.retrieveInvoiceStatus(7000).catch((e) => e);
  assert.ok(error instanceof lasku.TransportError, `${error}`);
  assert.equal(error.kind, "timeout");
  assert.ok(Date.now() - started < 1400, `gave up after ${Date.now() - started} ms`);
  await sandbox.clearFaults();
  assert.equal((await hasty.retrieveInvoiceStatus(7000)).InvoiceNumber, 7000, "works afterwards");
});

test("nothing listening: a connect error, safe to retry, reported as not sent", async () => {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  const nowhere = new lasku.Client({ apiKey: "k", baseUrl: `http://127.0.0.1:${port}/v2`, maxRetries: 1 });
  const error = await nowhere.createInvoice(invoice(7002)).catch((e) => e);
  assert.ok(error instanceof lasku.TransportError, `${error}`);
  assert.equal(error.kind, "connect");
  assert.equal(error.mayHaveBeenSent, false);
  assert.match(error.detail, /ECONNREFUSED/);
});
