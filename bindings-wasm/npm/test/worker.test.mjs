// prepareInvoiceBatches with its batch worker thread (lib/batch-worker.js, lib/worker.js and the
// core's InvoiceLists): the bodies must be byte for byte those one thread makes, errors must be
// found and named as one thread finds them, and the worker must never keep a process alive.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { lasku, invoice, builtInvoice, random, PKG_DIR } from "./helpers.mjs";

// The package's internals, past its exports map: how many bodies the worker made or refused.
const LIB = path.join(PKG_DIR, "node_modules", "lasku", "lib");
const { stats } = createRequire(path.join(PKG_DIR, "package.json"))(path.join(LIB, "batch-worker.js"));

/** JSON.stringify decides instead of v8.serialize for arrays of a class of their own. */
class List extends Array {}

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
  // [name, invoices, options, bodies the worker makes]
  const cases = [
    ["one body", invoices(1000, 2), {}, 1],
    ["bodies of 300 (lists of 40, 125 and the rest), the last of 101 on one thread", invoices(1001, 3), { maxPerRequest: 300 }, 3],
    ["bodies of 777 and 223", invoices(1000, 4), { maxPerRequest: 777 }, 1],
    ["an array subclass: JSON.stringify's way, on one thread", List.from(invoices(600, 5)), { maxPerRequest: 260 }, 0],
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

test("decimals written as strings make the bodies numbers make, with the worker and without", async () => {
  assert.equal(await lasku.startBatchWorker(), true);
  const numbers = invoices(1000, 7);
  // Every other invoice with its decimals as strings ("223.39"), as the builder gives them.
  const built = builtInvoice(1);
  const mixed = numbers.map((inv, i) => (i % 2 ? { ...built, InvoiceNumber: inv.InvoiceNumber, Notes: inv.Notes, ExtraInfo: inv.ExtraInfo } : inv));
  assert.equal(typeof mixed[1].TotalAmount, "string");
  const before = stats.bodies;
  const both = outcome(mixed, { worker: true });
  assert.equal(stats.bodies, before + 1, "the worker made the body");
  assert.deepEqual(both, outcome(mixed, { worker: false }), "byte for byte what one thread makes");
  // The same values as the numbers give, the strings' digits kept: `"179.90"` goes out as 179.90.
  assert.deepEqual(JSON.parse(both[0]), JSON.parse(outcome(numbers, { worker: false })[0]));
  assert.ok(both[0].includes('"InvoiceNumber":2,"InvoiceDate"') && both[0].includes('"NetAmount":179.90,'), "unquoted");
  assert.ok(!/"(NetAmount|Qty|Price)":"/.test(both[0]), "no decimal left as a string");
  const bodies = outcome(mixed, { worker: false, maxPerRequest: 300 });
  assert.deepEqual(bodies.map((b) => JSON.parse(b)), outcome(numbers, { worker: false, maxPerRequest: 300 }).map((b) => JSON.parse(b)));
  // Only what the JSON grammar calls a number loses its quotes: other strings are the full
  // parser's to judge, as before.
  const spaced = mixed.map((inv, i) => (i === 3 ? { ...inv, TotalAmount: " 1" } : inv));
  assert.ok(outcome(spaced, { worker: true }).some?.((v) => v.path === "/3/TotalAmount"));
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
  const deep = (n) => (n === 0 ? 1 : [deep(n - 1)]);
  const edits = [
    ["a rule broken late", (list) => (list[990] = { ...list[990], TotalAmount: 1 }), true],
    ["an invoice number twice, in different lists", (list) => (list[900] = { ...list[900], InvoiceNumber: 7 }), true],
    ["NaN", (list) => (list[500] = { ...list[500], NetAmount: NaN }), true],
    ["a wrong type", (list) => (list[130] = { ...list[130], InvoiceRows: "rows" }), true],
    ["an invoice that is not an object", (list) => (list[45] = 12), true],
    ["a class with toJSON", (list) => (list[640] = { ...list[640], ExtraInfo: new Money(12.5) }), false],
    ["a date", (list) => (list[260] = { ...list[260], ExtraInfo: new Date(0) }), false],
    ["a function (left out, as JSON.stringify leaves it out)", (list) => (list[10] = { ...list[10], ExtraInfo: () => 1 }), false],
    ["a member 96 deep", (list) => (list[700] = { ...list[700], ExtraInfo: deep(96) }), false],
  ];
  for (const [name, edit, fails] of edits) {
    const list = invoices(1000, 7);
    edit(list);
    const [bodies, refused] = [stats.bodies, stats.refused];
    const alone = outcome(list, { worker: false });
    const both = outcome(list, { worker: true });
    assert.deepEqual(both, alone, name);
    assert.equal(typeof alone[0] !== "string", fails, name);
    assert.deepEqual([stats.bodies, stats.refused], [bodies, refused + 1], `${name}: refused`);
  }
  // A null is just a null here: NaN never reaches the worker as one.
  const list = invoices(1000, 8);
  list[300] = { ...list[300], ExtraInfo: null };
  const bodies = stats.bodies;
  assert.deepEqual(outcome(list, { worker: true }), outcome(list, { worker: false }));
  assert.equal(stats.bodies, bodies + 1);
});

test("arrays whose JSON.stringify v8.serialize cannot stand in for stay on one thread", async () => {
  assert.equal(await lasku.startBatchWorker(), true);
  // An array-level toJSON sees the whole body, and an element's toJSON its index in it.
  class Drafts extends Array {
    toJSON() {
      return this.filter((v) => !v.Draft);
    }
  }
  class Sorted extends Array {
    toJSON() {
      return [...this].sort((a, b) => b.InvoiceNumber - a.InvoiceNumber);
    }
  }
  const drafts = Drafts.from(invoices(600, 9).map((v, i) => (i >= 40 && i < 165 ? { ...v, Draft: true } : v)));
  const keyed = invoices(600, 10).map((v) => ({ ...v, toJSON: undefined }));
  for (const [name, list] of [
    ["drafts left out by the array's toJSON", drafts],
    ["sorted by the array's toJSON", Sorted.from(invoices(600, 11))],
    ["plain, for comparison", keyed],
  ]) {
    const bodies = stats.bodies;
    const alone = outcome(list, { worker: false });
    assert.deepEqual(outcome(list, { worker: true }), alone, name);
    JSON.parse(alone[0]);
    assert.equal(stats.bodies, bodies + (list === keyed ? 1 : 0), name);
  }
});

test("a toJSON that prepares another batch meanwhile gets its own bodies right", async () => {
  assert.equal(await lasku.startBatchWorker(), true);
  const inner = invoices(600, 12);
  const expected = outcome(inner, { worker: false });
  const seen = [];
  const list = invoices(1000, 13);
  for (const at of [10, 200, 700]) {
    Object.defineProperty(list[at], "Notes", {
      enumerable: true,
      get() {
        seen.push(outcome(inner, { worker: true }));
        return "read";
      },
    });
  }
  const both = outcome(list, { worker: true });
  assert.deepEqual(both, outcome(list, { worker: false }));
  assert.ok(seen.length >= 3);
  for (const got of seen) assert.deepEqual(got, expected);
});

test("the worker's output buffer grows when bodies get bigger than the last ones", async () => {
  assert.equal(await lasku.startBatchWorker(), true);
  outcome(invoices(300, 14), { worker: true });
  const big = invoices(300, 15).map((v, i) => ({ ...v, Attachment: "y".repeat(20_000 + i) }));
  const [bodies, refused] = [stats.bodies, stats.refused];
  assert.deepEqual(outcome(big, { worker: true }), outcome(big, { worker: false }));
  assert.deepEqual([stats.bodies, stats.refused], [bodies + 1, refused], "grown by the worker, not refused");
  // Bodies of uneven sizes in one call.
  const mixed = invoices(1200, 16).map((v, i) => (i >= 600 ? { ...v, Attachment: "z".repeat(5_000) } : v));
  assert.deepEqual(outcome(mixed, { maxPerRequest: 300, worker: true }), outcome(mixed, { maxPerRequest: 300, worker: false }));
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

test("without its script, or stopped while it starts, the worker leaves everything to one thread", () => {
  // A copy of the installed package without lib/worker.js (as a bundler might leave it).
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "lasku-no-worker-"));
  fs.cpSync(path.join(PKG_DIR, "node_modules", "lasku"), copy, { recursive: true });
  fs.rmSync(path.join(copy, "lib", "worker.js"));
  const script = (pkg) => `
    const lasku = require(${JSON.stringify(pkg)});
    const invoice = JSON.parse(process.argv[1]);
    const list = Array.from({ length: 600 }, (_, i) => ({ ...invoice, InvoiceNumber: i + 1 }));
    (async () => {
      const first = lasku.startBatchWorker();
      if (process.argv[2] === "stop") await lasku.stopBatchWorker();
      const ready = await first;
      const started = Date.now();
      const bodies = lasku.prepareInvoiceBatches(list, { worker: true });
      console.log(ready, bodies.length, Date.now() - started < 3000);
    })();
  `;
  const run = (pkg, mode) =>
    execFileSync(process.execPath, ["-e", script(pkg), JSON.stringify(invoice(1)), mode], { encoding: "utf8", timeout: 20_000 }).trim();
  assert.equal(run(copy, ""), "false 1 true");
  assert.equal(run(path.join(PKG_DIR, "node_modules", "lasku"), "stop"), "false 1 true");
  fs.rmSync(copy, { recursive: true, force: true });
});

test("the worker option takes true, false or \"auto\" only", () => {
  assert.throws(() => lasku.prepareInvoiceBatches([], { worker: "always" }), (error) => {
    assert.ok(error instanceof lasku.ValidationError);
    assert.equal(error.violations[0].path, "/worker");
    return true;
  });
});
