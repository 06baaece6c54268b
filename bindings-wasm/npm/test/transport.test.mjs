// Custom transports: test doubles, loggers around fetch, fetch options (e.g. an undici
// dispatcher), functions returning a fetch Response, and what failures mean to the retry policy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { lasku, startSandbox, invoice, CREDITOR_KEY } from "./helpers.mjs";

let sandbox;

before(async () => {
  sandbox = await startSandbox();
});

after(() => sandbox?.stop());

const json = (status, value, headers = {}) => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(value),
});

test("a test double answers without any network, and sees the whole request", async () => {
  const seen = [];
  const double = {
    async send(request) {
      seen.push(request);
      return json(200, { IsValid: true, Message: "double" });
    },
  };
  const client = new lasku.Client({ apiKey: "double-key", transport: double });
  assert.deepEqual(await client.validateToken(), { IsValid: true, Message: "double" });
  const [request] = seen;
  assert.equal(request.method, "GET");
  assert.equal(request.url, "https://api.cash-in.com/v2/token/validate");
  assert.equal(request.headers["X-Api-Key"], "double-key");
  assert.equal(request.headers["User-Agent"], client.userAgent);
  assert.equal(request.headers.Accept, "application/json");
  assert.ok(request.timeoutMs > 0 && request.timeoutMs <= 60000);
  assert.equal(request.connectTimeoutMs, 10000, "the default connect timeout");
  assert.equal(request.signal.aborted, false);
  assert.equal(request.body, undefined);
});

test("connectTimeoutMs reaches the transport with every request", async () => {
  const seen = [];
  const client = new lasku.Client({
    apiKey: "k",
    connectTimeoutMs: 2500,
    timeoutMs: 30000,
    transport: async (request) => {
      seen.push(request);
      return json(200, { IsValid: true });
    },
  });
  await client.validateToken();
  assert.equal(seen[0].connectTimeoutMs, 2500);
  assert.ok(seen[0].timeoutMs > 2500 && seen[0].timeoutMs <= 30000);
});

test("bodies reach the transport as UTF-8 JSON bytes", async () => {
  let body;
  const client = new lasku.Client({
    apiKey: "k",
    transport: async (request) => {
      body = JSON.parse(new TextDecoder().decode(request.body));
      assert.equal(request.headers["Content-Type"], "application/json");
      return json(200, { StatusDescription: "Received", QtyOfInvoices: 1, SalesInvoices: [] });
    },
  });
  await client.createInvoice(invoice(1, { SalesName: "Päivi Hämäläinen" }));
  assert.equal(body.SalesInvoice[0].SalesName, "Päivi Hämäläinen");
  assert.equal(body.SalesInvoice[0].InvoiceNumber, 1);
});

test("a logger around the default fetch transport reaches the sandbox", async () => {
  const log = [];
  const inner = lasku.fetchTransport();
  const client = new lasku.Client({
    apiKey: CREDITOR_KEY,
    baseUrl: sandbox.baseUrl,
    transport: {
      async send(request) {
        const response = await inner.send(request);
        log.push(`${request.method} ${new URL(request.url).pathname} ${response.status}`);
        return response;
      },
    },
  });
  await client.validateToken();
  await client.retrieveInvoiceStatus(424242).catch(() => {});
  assert.deepEqual(log, ["GET /v2/token/validate 200", "GET /v2/salesinvoices/424242/status 404"]);
  const hits = await sandbox.hits();
  assert.ok(hits.some((h) => h.Operation === "validate_token" && h.UserAgent === client.userAgent));
});

test("fetchTransport passes extra options (such as an undici dispatcher) to fetch", async () => {
  const inits = [];
  const dispatcher = { name: "proxy-agent" };
  const transport = lasku.fetchTransport({
    dispatcher,
    fetch: (url, init) => {
      inits.push(init);
      const { dispatcher: _ignored, ...rest } = init;
      return fetch(url, rest);
    },
  });
  const client = new lasku.Client({ apiKey: CREDITOR_KEY, baseUrl: sandbox.baseUrl, transport });
  assert.equal((await client.validateToken()).IsValid, true);
  assert.equal(inits[0].dispatcher, dispatcher);
  assert.equal(inits[0].redirect, "manual");
  assert.ok(inits[0].signal);
});

test("a function returning a fetch Response is a transport too", async () => {
  const client = new lasku.Client({
    apiKey: CREDITOR_KEY,
    baseUrl: sandbox.baseUrl,
    transport: (request) => fetch(request.url, { method: request.method, headers: request.headers, body: request.body }),
  });
  assert.equal((await client.serviceStatus()).Status, "OK");
});

test("a transport may answer with a stream or a Blob as the body", async () => {
  const viaFetch = async (request) => {
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
    return { status: response.status, headers: response.headers, body: response.body };
  };
  const streamed = new lasku.Client({ apiKey: CREDITOR_KEY, baseUrl: sandbox.baseUrl, transport: viaFetch });
  assert.equal((await streamed.serviceStatus()).Status, "OK");
  const blob = new lasku.Client({
    apiKey: CREDITOR_KEY,
    baseUrl: sandbox.baseUrl,
    transport: async (request) => {
      const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
      return { status: response.status, headers: response.headers, body: await response.blob() };
    },
  });
  assert.equal((await blob.serviceStatus()).Status, "OK");
  const { Readable } = await import("node:stream");
  const chunks = new lasku.Client({
    apiKey: "k",
    transport: async () => ({ status: 200, headers: {}, body: Readable.from([Buffer.from('{"Status":'), '"OK"}']) }),
  });
  assert.equal((await chunks.serviceStatus()).Status, "OK");
  // A stream that only has getReader() (a polyfill, say).
  const parts = [new TextEncoder().encode('{"Status":'), new TextEncoder().encode('"OK"}')];
  const readerOnly = {
    getReader: () => ({ read: async () => (parts.length ? { done: false, value: parts.shift() } : { done: true, value: undefined }) }),
  };
  const polyfilled = new lasku.Client({ apiKey: "k", transport: async () => ({ status: 200, headers: {}, body: readerOnly }) });
  assert.equal((await polyfilled.serviceStatus()).Status, "OK");
});

test("invoice numbers beyond 2^53 - 1 come back as strings, exact", async () => {
  const body = '{"InvoiceNumber": 9007199254740993, "Status": "Open", "BatchId": 7}';
  const client = new lasku.Client({ apiKey: "k", transport: async () => ({ status: 200, headers: {}, body }) });
  const status = await client.retrieveInvoiceStatus("9007199254740993");
  assert.equal(status.InvoiceNumber, "9007199254740993");
  assert.equal(status.BatchId, 7);
});

test("a failure the transport marks as not sent lets even a create be retried", async () => {
  let calls = 0;
  const client = new lasku.Client({
    apiKey: "k",
    transport: async () => {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error("no route"), { kind: "connect", mayHaveBeenSent: false });
      return json(200, { StatusDescription: "Received", QtyOfInvoices: 1, SalesInvoices: [] });
    },
  });
  const created = await client.createInvoice(invoice(2));
  assert.equal(created.QtyOfInvoices, 1);
  assert.equal(calls, 2);
});

test("any other failure of a create is an UnknownOutcomeError, and it is not re-sent", async () => {
  let calls = 0;
  let thrown;
  const client = new lasku.Client({
    apiKey: "k",
    transport: async () => {
      calls += 1;
      thrown = new Error("socket hang up");
      throw thrown;
    },
  });
  const error = await client.createInvoice(invoice(3)).catch((e) => e);
  assert.ok(error instanceof lasku.UnknownOutcomeError, `${error}`);
  assert.match(error.reason, /socket hang up/);
  assert.equal(calls, 1);
  assert.equal(error.cause, thrown, "what the transport threw is the cause");
});

test("a TransportError's cause is what the transport threw on the last attempt", async () => {
  const thrown = [];
  const client = new lasku.Client({
    apiKey: "k",
    maxRetries: 2,
    transport: async () => {
      thrown.push(Object.assign(new Error(`refused ${thrown.length}`), { code: "ECONNREFUSED" }));
      throw thrown.at(-1);
    },
  });
  const error = await client.validateToken().catch((e) => e);
  assert.ok(error instanceof lasku.TransportError, `${error}`);
  assert.equal(thrown.length, 3);
  assert.equal(error.cause, thrown[2]);
  // A non-Error value thrown is the cause as it is; errors no transport caused have none.
  const odd = new lasku.Client({ apiKey: "k", maxRetries: 0, transport: async () => { throw "just a string"; } });
  assert.equal((await odd.validateToken().catch((e) => e)).cause, "just a string");
  const invalid = await client.createInvoice({ InvoiceNumber: 1, InvoiceRows: "no" }).catch((e) => e);
  assert.ok(invalid instanceof lasku.ValidationError && invalid.cause === undefined, `${invalid}`);
});

test("in a batch report, every item a failed request carried has its cause", async () => {
  const thrown = [];
  const client = new lasku.Client({
    apiKey: "k",
    maxRetries: 1,
    transport: async () => {
      thrown.push(Object.assign(new Error(`no route ${thrown.length}`), { kind: "connect", mayHaveBeenSent: false }));
      throw thrown.at(-1);
    },
  });
  const invoices = [1, 2, 3, 4, 5].map((n) => invoice(100 + n));
  const report = await client.submitInvoices(invoices, { maxPerRequest: 2 });
  assert.equal(report.outcomes.length, 5);
  assert.equal(thrown.length, 6, "three requests, each tried twice");
  report.outcomes.forEach((outcome, i) => {
    assert.equal(outcome.status, "not_sent", JSON.stringify(outcome));
    assert.ok(outcome.error instanceof lasku.TransportError, `${outcome.error}`);
    // Each request's last attempt: items 0-1 the second throw, 2-3 the fourth, 4 the sixth.
    assert.equal(outcome.error.cause, thrown[2 * Math.floor(i / 2) + 1], `item ${i}`);
  });
});

test("a transport answering nonsense is a TransportError; the client stays usable", async () => {
  let answer;
  const client = new lasku.Client({ apiKey: "k", maxRetries: 0, transport: async () => answer });
  for (const nonsense of [undefined, null, 42, { status: "200" }, { status: 99 }]) {
    answer = nonsense;
    const error = await client.validateToken().catch((e) => e);
    assert.ok(error instanceof lasku.TransportError, `${JSON.stringify(nonsense)}: ${error}`);
  }
  answer = json(200, { IsValid: true });
  assert.equal((await client.validateToken()).IsValid, true);
});

test("a transport that never answers is aborted at the deadline", async () => {
  let signal;
  const client = new lasku.Client({
    apiKey: "k",
    timeoutMs: 200,
    transport: (request) => {
      signal = request.signal;
      return new Promise(() => {});
    },
  });
  const error = await client.validateToken().catch((e) => e);
  assert.ok(error instanceof lasku.TransportError, `${error}`);
  assert.equal(error.kind, "timeout");
  assert.equal(signal.aborted, true, "the transport was told to stop");
});

test("transports are per client", async () => {
  const a = new lasku.Client({ apiKey: "a", transport: async () => json(200, { IsValid: true, Message: "a" }) });
  const b = new lasku.Client({ apiKey: "b", transport: async () => json(200, { IsValid: true, Message: "b" }) });
  const [ra, rb] = await Promise.all([a.validateToken(), b.validateToken()]);
  assert.equal(ra.Message, "a");
  assert.equal(rb.Message, "b");
});

test("many concurrent calls complete independently", async () => {
  const client = new lasku.Client({ apiKey: CREDITOR_KEY, baseUrl: sandbox.baseUrl });
  const results = await Promise.all(Array.from({ length: 50 }, () => client.validateToken()));
  assert.equal(results.filter((r) => r.IsValid).length, 50);
});
