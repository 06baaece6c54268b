// Paged operations: await for a page, `for await` for items, `.pages()` for pages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { lasku, startSandbox, sandboxClient, invoice } from "./helpers.mjs";

let sandbox;
let client;

before(async () => {
  sandbox = await startSandbox();
  client = sandboxClient(sandbox);
  for (let n = 1; n <= 25; n++) await client.createInvoice(invoice(n));
});

after(() => sandbox?.stop());

test("awaiting a paged call gives one page", async () => {
  const page = await client.listSalesInvoices({ pageSize: 10, page: 3 });
  assert.equal(page.Data.length, 5);
  assert.equal(page.Meta.TotalCount, 25);
  assert.equal(page.Meta.Page, 3);
  const viaThen = await client.listSalesInvoices({ pageSize: 1 }).then((p) => p.Data.length);
  assert.equal(viaThen, 1);
});

test("for await walks every item across pages, in order", async () => {
  const numbers = [];
  const totals = new Set();
  for await (const item of client.listSalesInvoices({ pageSize: 10 })) {
    numbers.push(item.InvoiceNumber);
    totals.add(typeof item.TotalAmount);
  }
  assert.deepEqual(numbers, Array.from({ length: 25 }, (_, i) => i + 1));
  assert.deepEqual([...totals], ["string"], "items give decimals as exact strings");
  const hits = (await sandbox.hits()).filter((h) => h.Operation === "list_sales_invoices");
  assert.ok(hits.length >= 3);
});

test(".pages() walks page by page; breaking off early is fine", async () => {
  const sizes = [];
  for await (const page of client.listSalesInvoices({ pageSize: 10 }).pages()) {
    sizes.push(page.Data.length);
    assert.ok(page.Data.every((item) => typeof item.TotalAmount === "string"), "pages too");
  }
  assert.deepEqual(sizes, [10, 10, 5]);
  let seen = 0;
  for await (const _item of client.listSalesInvoices({ pageSize: 4 })) {
    seen += 1;
    if (seen === 6) break;
  }
  assert.equal(seen, 6);
});

test("two iterations run side by side; a 503 in the middle is retried", async () => {
  await sandbox.fault("list_sales_invoices", "status=503");
  const walk = async () => {
    const out = [];
    for await (const item of client.listSalesInvoices({ pageSize: 7 })) out.push(item.InvoiceNumber);
    return out;
  };
  const [a, b] = await Promise.all([walk(), walk()]);
  assert.equal(a.length, 25);
  assert.deepEqual(a, b);
});

test("bad parameters reject the await and the iteration alike, before anything is sent", async () => {
  await sandbox.clearHits();
  await assert.rejects(client.listSalesInvoices({ pageSize: "ten" }), (e) => e instanceof lasku.ValidationError && e.violations[0].path === "/pageSize");
  await assert.rejects(async () => {
    for await (const _ of client.listSalesInvoices({ dateFrom: NaN })) assert.fail("no items");
  }, (e) => e instanceof lasku.ValidationError && e.violations[0].path === "/dateFrom");
  assert.deepEqual(await sandbox.hits(), []);
});

test("a server that repeats a page stops the iteration with a PaginationError", async () => {
  const page = JSON.stringify({ Data: [{ InvoiceNumber: 1 }], Meta: { Page: 1, PageSize: 1, TotalCount: 100 } });
  const repeating = new lasku.Client({
    apiKey: "k",
    transport: async () => ({ status: 200, headers: { "content-type": "application/json" }, body: page }),
  });
  const seen = [];
  await assert.rejects(async () => {
    for await (const item of repeating.listSalesInvoices()) seen.push(item);
  }, lasku.PaginationError);
  assert.equal(seen.length, 1);
});

test("a server that serves fewer items per page than asked (and says so) is walked to the end", async () => {
  const items = ["a", "b", "c", "d", "e"];
  const asked = [];
  const capped = new lasku.Client({
    apiKey: "k",
    transport: async (request) => {
      const page = Number(new URL(request.url).searchParams.get("page"));
      asked.push(page);
      const data = items.slice((page - 1) * 2, page * 2).map((ProductCode) => ({ ProductCode }));
      const body = JSON.stringify({ Data: data, Meta: { Page: page, PageSize: 2, Count: data.length } });
      return { status: 200, headers: { "content-type": "application/json" }, body };
    },
  });
  const seen = [];
  for await (const product of capped.listProducts({ pageSize: 500 })) seen.push(product.ProductCode);
  assert.deepEqual(seen, items);
  assert.deepEqual(asked, [1, 2, 3]);
});

test("every list of the sandbox iterates", async () => {
  for (const method of ["listProducts", "listCustomers", "retrieveReceivedPayments", "listBatchUploads", "retrieveCollectionCase"]) {
    const items = [];
    for await (const item of client[method]()) items.push(item);
    assert.ok(Array.isArray(items), method);
  }
});
