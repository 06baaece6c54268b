// prepareInvoiceBatches on Node reads invoices through v8.serialize (lib/structured.js and the
// core's src/structured.rs): the text it sends must be exactly what JSON.stringify writes, for
// any value, and wherever that path cannot vouch for the values, JSON.stringify decides.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import v8 from "node:v8";
import { lasku, invoice, random, PKG_DIR } from "./helpers.mjs";

// The package's internals, past its exports map: the reader on its own.
const { core } = createRequire(path.join(PKG_DIR, "package.json"))(path.join(PKG_DIR, "node_modules", "lasku", "lib", "native.js"));
const read = (values) => core.structuredJson(v8.serialize(values));

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

function anyNumber(r) {
  switch (Math.floor(r() * 7)) {
    case 0:
      return Math.round((r() - 0.5) * 2e6) / 100; // an amount
    case 1:
      return Math.floor((r() - 0.5) * 2 ** 33); // an integer, in and past the small ones
    case 2:
      return [0, -0, 1e21, 1e-7, 1e-6, 123e-20, 5e-324, Number.MAX_VALUE, 2 ** 53, 1e15 + 0.25, 0.1 + 0.2][Math.floor(r() * 11)];
    case 3:
      return Number((r() * 10 ** Math.floor(r() * 30 - 10)).toPrecision(1 + Math.floor(r() * 15)));
    default:
      words[0] = Math.floor(r() * 2 ** 32);
      words[1] = Math.floor(r() * 2 ** 32);
      return Number.isFinite(bits[0]) ? bits[0] : 1.5;
  }
}

function anyString(r) {
  const units = [];
  const n = Math.floor(r() * 24);
  for (let i = 0; i < n; i++) {
    const kind = r();
    if (kind < 0.6) units.push(32 + Math.floor(r() * 95));
    else if (kind < 0.7) units.push(Math.floor(r() * 32)); // control characters
    else if (kind < 0.8) units.push(128 + Math.floor(r() * 128)); // Latin-1
    else if (kind < 0.9) units.push(Math.floor(r() * 0x10000)); // anything, lone surrogates too
    else units.push(0xd83d, 0xde00);
  }
  return String.fromCharCode(...units);
}

function anyValue(r, depth) {
  const kind = r();
  if (depth > 3 || kind < 0.35) return anyNumber(r);
  if (kind < 0.65) return anyString(r);
  if (kind < 0.7) return [true, false, null][Math.floor(r() * 3)];
  if (kind < 0.85) return Array.from({ length: Math.floor(r() * 4) }, () => anyValue(r, depth + 1));
  const object = {};
  for (let i = Math.floor(r() * 5); i > 0; i--) object[r() < 0.2 ? String(Math.floor(r() * 20)) : anyString(r)] = anyValue(r, depth + 1);
  if (r() < 0.2) object.gone = undefined;
  return object;
}

test("the reader writes any plain value as JSON.stringify does, or leaves it to JSON.stringify", () => {
  const r = random(20261121);
  let read_ = 0;
  for (let i = 0; i < 3000; i++) {
    const values = [anyValue(r, 0), anyValue(r, 0)];
    const text = read(values);
    if (text === undefined) continue;
    read_ += 1;
    assert.equal(text, JSON.stringify(values), `value ${i}`);
  }
  assert.ok(read_ > 1000, `many values are read (${read_} of 3000)`);
  // Sixteen digits or more, NaN, holes and undefined in arrays, dates, BigInts, cycles: left.
  const cycle = {};
  cycle.self = cycle;
  const left = [[0.1 + 0.2], [NaN], [Infinity], [1, , 3], [undefined], [new Date(0)], [1n], [cycle], [new Map()]];
  left.forEach((values, i) => assert.equal(read(values), undefined, `case ${i}`));
  // Read: shared objects (written again), arrays that once had holes, named members of arrays.
  const shared = { k: "v" };
  const filled = new Array(3);
  filled[0] = 1;
  filled[1] = 2;
  filled[2] = 3;
  const named = [1, 2];
  named.extra = "left out";
  for (const ok of [[{ a: shared, b: shared }], filled, [named], [{ 7: "seven", x: 1, 2: "two" }], ["ä€😀\u2028\u0000"]]) {
    assert.equal(read(ok), JSON.stringify(ok));
  }
});

class Row {
  constructor(row) {
    this.row = row;
  }
  toJSON() {
    return this.row;
  }
}

test("prepareInvoiceBatches sends exactly JSON.stringify's text, toJSON methods and all", () => {
  const expected = (invoices) => new TextEncoder().encode(`{"SalesInvoices":[{"SalesInvoice":${JSON.stringify(invoices)}}]}`);
  const base = invoice(1, { Attachment: "ääkköset € 😀 \"quoted\" \\ \n" });
  const seller = { SellerIban: "FI2112345600000785", SellerBic: "NDEAFIHH" };
  const plain = Array.from({ length: 30 }, (_, i) => ({ ...base, InvoiceNumber: i + 1, SellerInfo: seller, Extra: { when: [i, 0.5] } }));
  const classes = plain.map((inv) => ({ ...inv, InvoiceRows: inv.InvoiceRows.map((row) => new Row(row)) }));
  const dated = plain.map((inv) => ({ ...inv, Created: new Date(Date.UTC(2026, 0, 2)) }));
  const holey = new Array(plain.length);
  plain.forEach((inv, i) => (holey[i] = inv));
  for (const invoices of [plain, classes, dated, holey]) {
    const [body, ...rest] = lasku.prepareInvoiceBatches(invoices);
    assert.equal(rest.length, 0);
    assert.deepEqual(body, expected(invoices));
  }
  // A class whose toJSON renames every member: sent as toJSON says (and valid only so).
  class Shop {
    constructor(inv) {
      this.inv = inv;
    }
    toJSON() {
      return this.inv;
    }
  }
  const shops = plain.map((inv) => new Shop(inv));
  assert.deepEqual(lasku.prepareInvoiceBatches(shops)[0], expected(shops));
  // NaN and a second use of a number are still found, with their paths.
  for (const [bad, path] of [
    [plain.map((inv, i) => (i === 7 ? { ...inv, NetAmount: NaN } : inv)), "/7/NetAmount"],
    [plain.map((inv, i) => (i === 9 ? { ...inv, InvoiceNumber: 3 } : inv)), "/9/InvoiceNumber"],
  ]) {
    assert.throws(() => lasku.prepareInvoiceBatches(bad), (error) => {
      assert.ok(error instanceof lasku.ValidationError);
      assert.deepEqual(error.violations.map((v) => v.path), [path]);
      return true;
    });
  }
});
