// Error classes, bad input (nothing sent), and a client that keeps working after any error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { lasku, importLasku, startSandbox, sandboxClient, invoice, CREDITOR_KEY, PARTNER_KEY } from "./helpers.mjs";

let sandbox;
let client;

before(async () => {
  sandbox = await startSandbox();
  client = sandboxClient(sandbox);
});

after(() => sandbox?.stop());

/** Asserts that `promise` rejects with a ValidationError naming `path`, and that nothing reached the sandbox. */
async function rejectsUnsent(start, path, code) {
  await sandbox.clearHits();
  const error = await start().then(
    () => assert.fail("expected a ValidationError"),
    (e) => e,
  );
  assert.ok(error instanceof lasku.ValidationError, `${error?.name}: ${error?.message}`);
  assert.ok(error instanceof lasku.LaskuError && error instanceof Error);
  assert.equal(error.name, "ValidationError");
  assert.equal(error.code, "validation");
  const found = error.violations.find((v) => v.path === path || (path !== "" && v.path.startsWith(`${path}/`)));
  assert.ok(found, `no violation at ${path}: ${JSON.stringify(error.violations)}`);
  if (code) assert.equal(found.code, code);
  // A message naming the first error names it where `violations` places it.
  const first = error.violations.find((v) => v.severity === "error");
  if (error.message.startsWith("invalid input: error ")) {
    assert.ok(error.message.includes(` ${first.path} [${first.code}]`), `${error.message} vs ${first.path}`);
  }
  assert.match(error.message, /invalid input/);
  assert.deepEqual(await sandbox.hits(), [], "nothing may be sent");
  return error;
}

test("errors are Error subclasses that work with instanceof, from require and from import", async () => {
  const esm = await importLasku();
  assert.equal(esm.Client, lasku.Client);
  assert.equal(esm.ValidationError, lasku.ValidationError);
  assert.equal(esm.default.LaskuError, lasku.LaskuError);
  const classes = [
    "ValidationError", "ApiError", "AuthenticationError", "BusinessRuleError", "ForbiddenError", "NotFoundError",
    "RateLimitError", "TransportError", "UnknownOutcomeError", "DecodeError", "PaginationError", "ConfigurationError",
    "InternalError",
  ];
  for (const name of classes) {
    const error = new lasku[name]("x");
    assert.ok(error instanceof lasku[name] && error instanceof lasku.LaskuError && error instanceof Error, name);
    assert.equal(error.name, name);
    assert.ok(error.stack.includes(name));
  }
  for (const name of ["AuthenticationError", "BusinessRuleError", "ForbiddenError", "NotFoundError", "RateLimitError"]) {
    assert.ok(new lasku[name]("x") instanceof lasku.ApiError, name);
  }
});

test("HTTP errors map to their classes with status, body and the server's message", async () => {
  const missing = await client.retrieveInvoiceStatus(999999).catch((e) => e);
  assert.ok(missing instanceof lasku.NotFoundError && missing instanceof lasku.ApiError);
  assert.equal(missing.status, 404);
  assert.equal(missing.code, "not_found");
  assert.equal(missing.operation, "retrieve_invoice_status");
  assert.match(missing.body, /999999/);
  assert.ok(missing.serverMessage);

  const wrongKey = new lasku.Client({ apiKey: "wrong", baseUrl: sandbox.baseUrl });
  const unauthorized = await wrongKey.validateToken().catch((e) => e);
  assert.ok(unauthorized instanceof lasku.AuthenticationError);
  assert.equal(unauthorized.status, 401);

  const partnerOnly = new lasku.Client({ apiKey: PARTNER_KEY, baseUrl: sandbox.baseUrl });
  const forbidden = await partnerOnly.serviceStatus().catch((e) => e);
  assert.ok(forbidden instanceof lasku.ForbiddenError);
  assert.equal(forbidden.status, 403);

  await client.createInvoice(invoice(5001));
  const duplicate = await client.createInvoice(invoice(5001)).catch((e) => e);
  assert.ok(duplicate instanceof lasku.BusinessRuleError, `${duplicate}`);
  assert.equal(duplicate.status, 402);

  const noPartnerKey = new lasku.Client({ apiKey: CREDITOR_KEY, baseUrl: sandbox.baseUrl });
  const config = await noPartnerKey.sendSms({ PhoneNumber: "+358401234567", Message: "x" }).catch((e) => e);
  assert.ok(config instanceof lasku.ConfigurationError, `${config}`);

  const bad = await client.renewToken("C", "").catch((e) => e);
  assert.ok(bad instanceof lasku.ApiError || bad instanceof lasku.ValidationError, `${bad}`);
  assert.ok(await client.validateToken(), "the client still works");
});

test("wrong types, NaN and missing fields are ValidationErrors naming the field; nothing is sent", async () => {
  const good = invoice(6001);
  await rejectsUnsent(() => client.createInvoice({ ...good, TotalAmount: NaN }), "/TotalAmount", "type");
  await rejectsUnsent(() => client.createInvoice({ ...good, TotalAmount: Infinity }), "/TotalAmount", "type");
  const rows = structuredClone(good.InvoiceRows);
  rows[1].Qty = "many";
  await rejectsUnsent(() => client.createInvoice({ ...good, InvoiceRows: rows }), "/InvoiceRows/1/Qty", "type");
  rows[1].Qty = Number.NaN;
  await rejectsUnsent(() => client.createInvoice({ ...good, InvoiceRows: rows }), "/InvoiceRows/1/Qty", "type");
  await rejectsUnsent(() => client.createInvoice({ ...good, InvoiceDate: undefined }), "/InvoiceDate", "required");
  await rejectsUnsent(() => client.createInvoice({ ...good, InvoiceDate: "21.11.2026" }), "/InvoiceDate", "type");
  await rejectsUnsent(() => client.createInvoice({ ...good, TotalAmount: 1 }), "/TotalAmount");
  await rejectsUnsent(() => client.createInvoice({ ...good, InvoiceNumber: 10n }), "/InvoiceNumber", "type");
  await rejectsUnsent(() => client.createInvoice({ ...good, InvoiceNumber: 12345678901234567890 }), "/InvoiceNumber", "type");
  await rejectsUnsent(() => client.retrieveInvoiceStatus(2 ** 53), "/invoiceNumber", "type");
  await rejectsUnsent(() => client.createInvoice({ ...good, SalesName: () => "x" }), "/SalesName", "type");
  await rejectsUnsent(() => client.createInvoice("not an invoice"), "/invoice", "type");
  await rejectsUnsent(() => client.createInvoice(), "/invoice", "required");
  await rejectsUnsent(() => client.retrieveInvoiceStatus(), "/invoiceNumber", "required");
  await rejectsUnsent(() => client.retrieveInvoiceStatus({ no: 1 }), "/invoiceNumber", "type");
  await rejectsUnsent(() => client.submitInvoicePayment(6001, { Amount: "ten" }), "/Amount", "type");
  await rejectsUnsent(() => client.listSalesInvoices({ pageSize: "big" }), "/pageSize", "type");
  await rejectsUnsent(() => client.listSalesInvoices({ dateFrom: "yesterday" }), "/dateFrom", "type");
  await rejectsUnsent(() => client.listSalesInvoices({ unknownFilter: 1 }), "/unknownFilter", "argument.unknown");
  await rejectsUnsent(() => client.retrieveInvoiceStatus(1, 2, 3), "", "argument.count");
  await client.retrieveInvoiceStatus(1, 2, 3).catch((e) => assert.match(e.message, /retrieve_invoice_status takes at most 1 argument/));
  const cyclic = { ...good };
  cyclic.SellerInfo = cyclic;
  await rejectsUnsent(() => client.createInvoice(cyclic), "/SellerInfo", "type");

  const created = await client.createInvoice(good);
  assert.equal(created.SalesInvoices[0].InvoiceNumber, 6001, "the client works after every error");
});

test("a method taken off its client says how to call it", async () => {
  const { retrieveInvoiceStatus } = client;
  assert.throws(() => retrieveInvoiceStatus(1), (e) => e instanceof TypeError && /must be called on a Client/.test(e.message));
  await assert.rejects(retrieveInvoiceStatus.bind(client)(987654), lasku.NotFoundError);
});

test("bad client options are ConfigurationErrors, thrown by the constructor", () => {
  const cases = [
    undefined,
    {},
    { apiKey: 1 },
    { apiKey: "" },
    { apiKey: "k", baseUrl: "http://example.com/v2" },
    { apiKey: "k", baseUrl: "ftp://x/v2" },
    { apiKey: "k", baseUrl: "https://api.example.com/v2?x=1" },
    { apiKey: "k", baseUrl: "https://api.example.com/v2#frag" },
    { apiKey: "k", environment: "staging" },
    { apiKey: "k", environment: "production", baseUrl: "https://x/v2" },
    { apiKey: "k", timeoutMs: -1 },
    { apiKey: "k", timeoutMs: NaN },
    { apiKey: "k", maxRetries: 1.5 },
    { apiKey: "k", retries: 3 },
    { apiKey: "k", transport: {} },
    { apiKey: "k", pathOverrides: { no_such_operation: "/x" } },
  ];
  for (const options of cases) {
    assert.throws(() => new lasku.Client(options), lasku.ConfigurationError, JSON.stringify(options));
  }
  const ok = new lasku.Client({ apiKey: "k" });
  assert.equal(ok.baseUrl, "https://api.cash-in.com/v2");
});

test("the API key never shows in errors or inspection", async () => {
  const secret = "very-secret-key-123";
  const c = new lasku.Client({ apiKey: secret, baseUrl: sandbox.baseUrl });
  const error = await c.validateToken().catch((e) => e);
  const { inspect } = await import("node:util");
  for (const text of [inspect(c), JSON.stringify(c), String(error), inspect(error), JSON.stringify(error)]) {
    assert.ok(!text.includes(secret), text);
  }
});

test("a path override reaches the sandbox under another path", async () => {
  const c = sandboxClient(sandbox, { pathOverrides: { validate_token: "/token/validate?x=1" } });
  assert.ok((await c.validateToken()).IsValid);
});
