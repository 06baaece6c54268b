// prepareInvoiceBatches with its batch worker thread (lib/batch-worker.js, lib/worker.js and the
// core's InvoiceLists): the bodies must be byte for byte those one thread makes, errors must be
// found and named as one thread finds them, and the worker must never keep a process alive.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { lasku, invoice, PKG_DIR } from "./helpers.mjs";

// The package's internals, past its exports map: how many bodies the worker made or refused.
const LIB = path.join(PKG_DIR, "node_modules", "lasku", "lib");
const { stats } = createRequire(path.join(PKG_DIR, "package.json"))(path.join(LIB, "batch-worker.js"));

/** JSON.stringify decides instead of v8.serialize for arrays of a class of their own. */
class List extends Array {}

function random(seed) {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const WORDS = ["Työ", "Kirja", "naïve", "€ 12", "😀", 'quote " and \\', "rivi\nrivi", "\u2028", "null", "tab\t"];

/** `count` valid invoices with varied texts (numbers from `first`). */
function invoices(count, seed, first = 1) {
  const r = random(seed);
  const base = invoice(1);
  return Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 1 + Math.floor(r() * 4) }, () => WORDS[Math.floor(r() * WORDS.length)]);
    return { ...base, InvoiceNumber: first + i, Notes: words.join(" "), ExtraInfo: r() < 0.3 ? { tag: words[0], n: i } : undefined };
  });
}

/** prepareInvoiceBatches' bodies as text, or the ValidationError's violations. */
function outcome(list, options) {
  try {
    return lasku.prepareInvoiceBatches(list, options).map((b) => Buffer.from(b).toString("utf8"));
  } catch (error) {
    assert.ok(error instanceof lasku.ValidationError, `${error}`);
    return error.violations;
  }
}

test("startBatchWorker starts the worker, stopBatchWorker stops it, and a batch starts it again", async () => {
  assert.equal(await lasku.startBatchWorker(), true);
  assert.equal(await lasku.startBatchWorker(), true, "started once");
  await lasku.stopBatchWorker();
  const before = stats.bodies;
  const list = invoices(300, 1);
  assert.deepEqual(outcome(list, { worker: true }), outcome(list, { worker: false }));
  assert.equal(stats.bodies, before + 1, "worker: true waits for a new worker");
});

test("bodies made with the worker are byte for byte those made without it", async () => {
  assert.equal(await lasku.startBatchWorker(), true);
  const cases = [
    ["v8.serialize, one body", invoices(1000, 2), {}, 1],
    ["v8.serialize, bodies of 300 (lists of 125 and the rest)", invoices(1001, 3), { maxPerRequest: 300 }, 4],
    ["JSON.stringify, one body", List.from(invoices(777, 4)), {}, 1],
    ["JSON.stringify, bodies of 260", List.from(invoices(600, 5)), { maxPerRequest: 260 }, 3],
  ];
  const texts = stats.texts;
  for (const [name, list, options, used] of cases) {
    const before = stats.bodies;
    const alone = outcome(list, { ...options, worker: false });
    assert.equal(stats.bodies, before, `${name}: worker false`);
    const both = outcome(list, { ...options, worker: true });
    assert.equal(stats.bodies, before + used, `${name}: bodies the worker made`);
    assert.deepEqual(both, alone, name);
    assert.equal(both[0], `{"SalesInvoices":[{"SalesInvoice":${JSON.stringify(list.slice(0, options.maxPerRequest ?? 1000))}}]}`);
  }
  // The worker reads each list more slowly than this thread writes it, so this thread wrote
  // some lists' texts itself.
  assert.ok(stats.texts > texts, "lists written on the main thread");
  // Fewer than 250 invoices in a body: not worth the worker.
  const before = stats.bodies;
  outcome(invoices(600, 6), { maxPerRequest: 200, worker: true });
  assert.equal(stats.bodies, before);
});

test("what the worker does not vouch for, one thread decides: the same errors, paths and bodies", async () => {
  assert.equal(await lasku.startBatchWorker(), true);
  class Money {
    constructor(value) {
      this.value = value;
    }
    toJSON() {
      return this.value;
    }
  }
  const edits = [
    ["a rule broken late", (list) => (list[990] = { ...list[990], TotalAmount: 1 }), true],
    ["an invoice number twice, in different lists", (list) => (list[900] = { ...list[900], InvoiceNumber: 7 }), true],
    ["NaN", (list) => (list[500] = { ...list[500], NetAmount: NaN }), true],
    ["a wrong type", (list) => (list[130] = { ...list[130], InvoiceRows: "rows" }), true],
    ["a class with toJSON", (list) => (list[640] = { ...list[640], ExtraInfo: new Money(12.5) }), false],
    ["a date", (list) => (list[260] = { ...list[260], ExtraInfo: new Date(0) }), false],
    ["null where NaN could hide", (list) => (list[300] = { ...list[300], ExtraInfo: null }), false],
  ];
  for (const structured of [true, false]) {
    for (const [name, edit, fails] of edits) {
      const base = invoices(1000, 7);
      edit(base);
      const list = structured ? base : List.from(base);
      const refused = stats.refused;
      const alone = outcome(list, { worker: false });
      const both = outcome(list, { worker: true });
      assert.deepEqual(both, alone, `${name} (${structured ? "v8.serialize" : "JSON.stringify"})`);
      assert.equal(typeof alone[0] !== "string", fails, name);
      const refuses = fails || (structured && name !== "null where NaN could hide");
      assert.equal(stats.refused, refused + (refuses ? 1 : 0), `${name}: refused`);
    }
  }
});

test("the output buffer grows when bodies get bigger than the last ones", async () => {
  assert.equal(await lasku.startBatchWorker(), true);
  outcome(invoices(300, 8), { worker: true });
  const big = invoices(300, 9).map((v, i) => ({ ...v, Attachment: "y".repeat(20_000 + i) }));
  const alone = outcome(big, { worker: false });
  const refused = stats.refused;
  assert.deepEqual(outcome(big, { worker: true }), alone, "too big for the buffer: one thread");
  assert.equal(stats.refused, refused + 1);
  const before = stats.bodies;
  assert.deepEqual(outcome(big, { worker: true }), alone, "then a bigger buffer");
  assert.equal(stats.bodies, before + 1);
});

test("the worker never keeps a process alive", () => {
  const script = `
    const lasku = require(${JSON.stringify(path.join(PKG_DIR, "node_modules", "lasku"))});
    const { stats } = require(${JSON.stringify(path.join(LIB, "batch-worker.js"))});
    const invoice = JSON.parse(process.argv[1]);
    const list = Array.from({ length: 600 }, (_, i) => ({ ...invoice, InvoiceNumber: i + 1 }));
    const bodies = lasku.prepareInvoiceBatches(list, { worker: true });
    console.log(bodies.length, stats.bodies);
  `;
  const started = Date.now();
  const out = execFileSync(process.execPath, ["-e", script, JSON.stringify(invoice(1))], { encoding: "utf8", timeout: 20_000 });
  assert.equal(out.trim(), "1 1");
  assert.ok(Date.now() - started < 15_000, "exited on its own");
});

test("the worker option takes true, false or \"auto\" only", () => {
  assert.throws(() => lasku.prepareInvoiceBatches([], { worker: "always" }), (error) => {
    assert.ok(error instanceof lasku.ValidationError);
    assert.equal(error.violations[0].path, "/worker");
    return true;
  });
});
