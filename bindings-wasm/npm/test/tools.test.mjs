// Standalone helpers: validation, batch preparation past V8's string ceiling, the invoice
// builder and the Finnish toolkit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { lasku, invoice } from "./helpers.mjs";

test("validateInvoice reports every violation with its path; valid invoices have none", () => {
  const good = invoice(1);
  assert.deepEqual(lasku.validateInvoice(good), { valid: true, violations: [] });
  const rows = structuredClone(good.InvoiceRows);
  rows[0].Tax = 999;
  const bad = lasku.validateInvoice({ ...good, InvoiceRows: rows, SalesName: undefined, Reference: "12345" });
  assert.equal(bad.valid, false);
  const paths = bad.violations.map((v) => v.path);
  for (const path of ["/SalesName", "/Reference", "/InvoiceRows/0/Tax"]) assert.ok(paths.includes(path), `${path} in ${paths}`);
  for (const v of bad.violations) {
    assert.deepEqual(Object.keys(v).sort(), ["code", "message", "path", "severity"]);
    assert.ok(["error", "warning"].includes(v.severity));
  }
  const nan = lasku.validateInvoice({ ...good, NetAmount: NaN });
  assert.deepEqual(nan.violations.map((v) => [v.path, v.code]), [["/NetAmount", "type"]]);
  const wrong = lasku.validateInvoice({ ...good, InvoiceRows: "rows" });
  assert.equal(wrong.violations[0].path, "/InvoiceRows");
  assert.equal(lasku.validateInvoiceUpdate({ Description: "only this" }).valid, true);
});

test("validateInvoices goes past V8's string ceiling: chunks, never one JSON text", () => {
  const long = "x".repeat(6000);
  const base = invoice(1, { Attachment: long });
  const invoices = Array.from({ length: 100_000 }, (_, i) => ({ ...base, InvoiceNumber: i + 1 }));
  assert.throws(() => JSON.stringify(invoices), RangeError, "this many invoices do not fit in one string");
  invoices[54_321] = { ...invoices[54_321], TotalAmount: "not money" };
  const result = lasku.validateInvoices(invoices);
  assert.equal(result.valid, false);
  assert.deepEqual(
    result.violations.filter((v) => v.severity === "error").map((v) => [v.path, v.code]),
    [["/54321/TotalAmount", "type"]],
  );
});

test("prepareInvoiceBatches validates and serialises 100,000 invoices into bodies of 1,000", () => {
  const base = invoice(1);
  const invoices = Array.from({ length: 100_000 }, (_, i) => ({ ...base, InvoiceNumber: i + 1 }));
  const bodies = lasku.prepareInvoiceBatches(invoices);
  assert.equal(bodies.length, 100);
  assert.ok(bodies.every((b) => b instanceof Uint8Array));
  const last = JSON.parse(new TextDecoder().decode(bodies[99]));
  assert.equal(last.SalesInvoices[0].SalesInvoice.length, 1000);
  assert.equal(last.SalesInvoices[0].SalesInvoice[999].InvoiceNumber, 100_000);
  assert.equal(lasku.prepareInvoiceBatches(invoices.slice(0, 2500), { maxPerRequest: 1000 }).length, 3);

  invoices[77_777] = { ...base, InvoiceNumber: 77_778, TotalAmount: 1 };
  invoices[88_888] = { ...base, InvoiceNumber: 88_889, DueDate: NaN };
  const error = (() => {
    try {
      lasku.prepareInvoiceBatches(invoices);
    } catch (e) {
      return e;
    }
  })();
  assert.ok(error instanceof lasku.ValidationError, `${error}`);
  const paths = error.violations.map((v) => v.path);
  assert.ok(paths.includes("/77777/TotalAmount"), paths.join());
  assert.ok(paths.includes("/88888/DueDate"), paths.join());
});

test("prepareInvoiceBatches keeps its bodies in shared buffers, growing where later bodies are bigger", () => {
  // Short invoices first, then ones 100 times longer: the first buffer, sized from the first
  // bodies, overflows and the rest go to new ones; every body still holds exactly its invoices.
  const invoices = Array.from({ length: 50 }, (_, i) => invoice(i + 1, i < 20 ? {} : { Attachment: "y".repeat(20_000 + i) }));
  const bodies = lasku.prepareInvoiceBatches(invoices, { maxPerRequest: 4 });
  assert.equal(bodies.length, 13);
  assert.equal(bodies[0].buffer, bodies[1].buffer, "small bodies share a buffer");
  assert.ok(new Set(bodies.map((b) => b.buffer)).size > 1, "bigger ones start new buffers");
  bodies.forEach((body, k) => {
    const expected = `{"SalesInvoices":[{"SalesInvoice":${JSON.stringify(invoices.slice(4 * k, 4 * k + 4))}}]}`;
    assert.equal(new TextDecoder().decode(body), expected, `body ${k}`);
  });
});

test("prepareInvoiceBatches writes any text as UTF-8, however many bytes its characters take", () => {
  // The arguments are encoded straight into WebAssembly memory, sized for mostly-ASCII text
  // first: text of 2-, 3- and 4-byte characters makes it grow in the middle of a character.
  for (const text of ["ääkköset", "ä".repeat(9000), "€".repeat(7000), "😀".repeat(5000) + "x", 'a\u0000b"c\\d\u2028e']) {
    const invoices = [1, 2, 3].map((n) => ({ ...invoice(n), Description: text, SalesCity: text.slice(0, 30) }));
    const [body, ...rest] = lasku.prepareInvoiceBatches(invoices);
    assert.equal(rest.length, 0);
    const expected = new TextEncoder().encode(`{"SalesInvoices":[{"SalesInvoice":${JSON.stringify(invoices)}}]}`);
    assert.deepEqual(JSON.parse(new TextDecoder().decode(body)), JSON.parse(new TextDecoder().decode(expected)));
    assert.deepEqual(body, expected, "the body is the text as written");
  }
});

test("the batch helpers leave out what JSON.stringify leaves out, wherever a null is", () => {
  // Where the text holds `null`, the values are walked for a NaN that JSON.stringify wrote as
  // null: that walk must not refuse what JSON.stringify leaves out, nor nesting it reads.
  const deep = (n) => (n === 0 ? 1 : [deep(n - 1)]);
  for (const notes of ["no nulls here", null]) {
    const invoices = [1, 2, 3].map((n) => ({ ...invoice(n), Notes: notes, ExtraInfo: n === 2 ? { f: () => 1, s: Symbol("s"), d: deep(90) } : undefined }));
    const [body] = lasku.prepareInvoiceBatches(invoices, { worker: false });
    assert.equal(new TextDecoder().decode(body), `{"SalesInvoices":[{"SalesInvoice":${JSON.stringify(invoices)}}]}`);
    assert.equal(lasku.validateInvoices(invoices).valid, true);
    const nan = invoices.map((v, i) => (i === 1 ? { ...v, NetAmount: NaN } : v));
    assert.throws(() => lasku.prepareInvoiceBatches(nan), (e) => e.violations.some((v) => v.path === "/1/NetAmount"));
  }
});

test("buildInvoice computes amounts, the due date and the reference", () => {
  const built = lasku.buildInvoice({
    invoice: { InvoiceNumber: 5001, InvoiceDate: "2026-03-01", SalesName: "Asiakas" },
    rows: [
      { description: "Työ", qty: 2, unitPrice: "80.00", vatPercent: 25.5 },
      { description: "Kirja", qty: 1, unitPrice: 10, vatPercent: 13.5, priceIncludesVat: true },
    ],
    paymentTermsDays: 14,
  });
  assert.equal(built.TotalAmount, "210.80", "decimals come as exact strings");
  assert.equal(built.InvoiceRows[0].Qty, "2");
  assert.equal(built.DueDate, "2026-03-15");
  assert.equal(built.Reference, "50018");
  assert.equal(built.InvoiceRows.length, 2);
  assert.equal(lasku.validateInvoice(built).valid, true);
  const error = (() => {
    try {
      lasku.buildInvoice({ invoice: {}, rows: [{ description: "x", qty: "NaN", unitPrice: 1, vatPercent: 24 }] });
    } catch (e) {
      return e;
    }
  })();
  assert.ok(error instanceof lasku.ValidationError);
  assert.match(error.violations[0].path, /^\/rows\/0/);
  const missing = (() => {
    try {
      lasku.buildInvoice({ invoice: {}, rows: [{ description: "x", qty: 1, vatPercent: 24 }] });
    } catch (e) {
      return e;
    }
  })();
  assert.equal(missing.violations[0].path, "/rows/0/unitPrice");
  assert.match(missing.message, /\/rows\/0\/unitPrice \[/, "the message names the path the violation gives");
  assert.throws(() => lasku.buildInvoice({ invoice: {}, rows: [{ description: "x", qty: 1, unitPrice: NaN, vatPercent: 24 }] }), (e) => {
    assert.ok(e instanceof lasku.ValidationError);
    assert.equal(e.violations[0].path, "/rows/0/unitPrice");
    return true;
  });
});

test("the Finnish toolkit: identifiers, references and virtual barcodes", () => {
  const iban = lasku.checkIdentifier("iban", "FI21 1234 5600 0007 85");
  assert.equal(iban.valid, true);
  assert.equal(iban.bic, "NDEAFIHH");
  assert.equal(iban.formatted, "FI21 1234 5600 0007 85");
  const ytunnus = lasku.checkIdentifier("ytunnus", "0737546-1");
  assert.equal(ytunnus.valid, false);
  assert.equal(ytunnus.code, "ytunnus.check_digit");
  assert.equal(lasku.checkIdentifier("hetu", "131052-308T").valid, true);
  assert.equal(lasku.checkIdentifier("nope", "1").code, "kind.unknown");
  assert.throws(() => lasku.checkIdentifier("iban", 123), lasku.ValidationError);

  const ref = lasku.finnishReference("251600001");
  assert.equal(ref.reference, "2516000013");
  assert.equal(ref.rf.slice(0, 2), "RF");
  assert.equal(lasku.finnishReference(1001).reference, "10016");
  assert.throws(() => lasku.finnishReference("12"), lasku.ValidationError);

  const code = lasku.virtualBarcode({
    iban: "FI2112345600000785",
    amount: "4883.15",
    reference: "868516259619897",
    dueDate: "2010-06-12",
  });
  assert.equal(code, "421123456000007850048831500000000868516259619897100612");
  assert.equal(lasku.virtualBarcode({ iban: "FI2112345600000785", amount: 4883.15, reference: "868516259619897", dueDate: "2010-06-12" }), code);
  const decoded = lasku.decodeVirtualBarcode(code);
  assert.equal(decoded.amount, "4883.15");
  assert.equal(decoded.dueDate, "2010-06-12");
  assert.equal(decoded.version, 4);
  assert.throws(
    () => lasku.virtualBarcode({ iban: "SE4550000000058398257466", amount: "1", reference: "1232" }),
    (e) => e instanceof lasku.ValidationError && e.violations[0].path === "/iban",
  );
  assert.throws(() => lasku.virtualBarcode({ iban: "FI2112345600000785", amount: NaN, reference: "1232" }), lasku.ValidationError);
});

test("missing, null and non-object arguments to the helpers are ValidationErrors naming the argument", () => {
  const barcode = { iban: "FI7944052020036082", amount: "1.00", reference: "50018" };
  const throwing = [
    [() => lasku.virtualBarcode(null), "", /input must be an object, got null/],
    [() => lasku.virtualBarcode(), "", /input must be an object, got undefined/],
    [() => lasku.virtualBarcode("x"), "", /input must be an object, got string/],
    [() => lasku.virtualBarcode({ ...barcode, due: "2026-12-01" }), "/due", /unknown member "due"/],
    [() => lasku.prepareInvoiceBatches([], null), "", /options \(second argument\) must be an object, got null/],
    [() => lasku.prepareInvoiceBatches([], 5), "", /options \(second argument\) must be an object, got number/],
    [() => lasku.prepareInvoiceBatches([], { bogus: 1 }), "/bogus", /unknown option "bogus"; known: maxPerRequest, worker/],
    [() => lasku.prepareInvoiceBatches(), "", /invoices must be an array/],
    [() => lasku.validateInvoices(), "", /invoices must be an array/],
    [() => lasku.buildInvoice(), "", /input must be an object, got undefined/],
    [() => lasku.finnishReference(), "/base", /base must be a string/],
    [() => lasku.checkIdentifier(), "/kind", /kind must be a string/],
    [() => lasku.decodeVirtualBarcode(null), "/code", /code must be a string, got null/],
  ];
  for (const [call, path, message] of throwing) {
    assert.throws(
      call,
      (error) => error instanceof lasku.ValidationError && error.violations[0].path === path && message.test(error.violations[0].message),
      String(call),
    );
  }
  // The validators answer with a report instead, as they do for null.
  for (const [call, expected] of [
    [() => lasku.validateInvoice(), /expected a SalesInvoice object, got undefined/],
    [() => lasku.validateInvoiceUpdate(), /expected a SalesInvoiceUpdate object, got undefined/],
    [() => lasku.validateInvoice(null), /null/],
  ]) {
    const result = call();
    assert.equal(result.valid, false, String(call));
    assert.equal(result.violations[0].path, "");
    assert.match(result.violations[0].message, expected);
  }
  // Defaults still work.
  assert.deepEqual(lasku.prepareInvoiceBatches([]), []);
  assert.deepEqual(lasku.prepareInvoiceBatches([], undefined), []);
  assert.equal(lasku.virtualBarcode({ ...barcode, dueDate: null }).length, 54);
});

test("amounts beyond what a decimal holds are violations, not crashes", () => {
  const max = "79228162514264337593543950335";
  const base = invoice(1);
  const huge = { ...base, InvoiceRows: [{ ...base.InvoiceRows[0], Price: max }, base.InvoiceRows[1]] };
  for (const run of [() => lasku.prepareInvoiceBatches([huge], { worker: false }), () => lasku.prepareInvoiceBatches([huge, invoice(2)], { worker: false })]) {
    assert.throws(run, (e) => e instanceof lasku.ValidationError && e.violations.some((v) => v.code === "amount.overflow" && v.path === "/0/InvoiceRows/0/Nto"));
  }
  assert.ok(lasku.validateInvoice(huge).violations.some((v) => v.code === "amount.overflow"));
  assert.throws(
    () => lasku.buildInvoice({ invoice: { InvoiceDate: "2026-03-01", SalesName: "x" }, rows: [{ description: "x", qty: 2, unitPrice: max, vatPercent: 24 }] }),
    (e) => e instanceof lasku.ValidationError && e.violations.some((v) => v.code === "amount.overflow"),
  );
});
